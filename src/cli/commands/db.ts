import type { Command } from 'commander';
import { seedDemoUsers } from '../../app/demo/seed-demo';
import { BackupError, backupDatabase, restoreDatabase } from '../../adapters/db/backup';
import { openDatabase } from '../../adapters/db/database';
import { migrate } from '../../adapters/db/migrate';
import { openRuntime } from '../../adapters/runtime';
import { loadConfig } from '../../adapters/system/config';

export function registerDbCommands(program: Command) {
  program
    .command('migrate')
    .description('apply the numbered SQL migrations that have not run yet')
    .action(async () => {
      const config = loadConfig();
      const db = await openDatabase({ url: config.databaseUrl, dataDir: `${config.dataDir}/pgdata` });
      const { applied } = await migrate(db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      await db.close();
    });

  program
    .command('seed-demo')
    .description('create the demo users (and, as features land, the demo data) where they do not exist yet')
    .requiredOption(
      '--password <password>',
      'password for every demo login',
      process.env.QOSALQY_DEMO_PASSWORD,
    )
    .action(async (opts: { password: string }) => {
      const config = loadConfig();
      const runtime = await openRuntime(config);
      const created = await seedDemoUsers(runtime.deps, opts.password);
      console.log(created.length ? `created: ${created.join(', ')}` : 'the demo users exist already');
      await runtime.close();
    });

  program
    .command('backup')
    .description(
      "copy the whole database into one file (gzip'd NDJSON), consistent even while the server runs",
    )
    .argument('<file>', 'where to write, e.g. qosalqy-2026-11-25.ndjson.gz')
    .action(async (file: string) => {
      const config = loadConfig();
      const db = await openDatabase({ url: config.databaseUrl, dataDir: `${config.dataDir}/pgdata` });
      try {
        const counts = await backupDatabase(db, file);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(`backup written to ${file}: ${Object.keys(counts).length} tables, ${total} rows`);
      } finally {
        await db.close();
      }
    });

  program
    .command('restore')
    .description(
      'load a backup into an empty database of the same version, in one transaction (all or nothing)',
    )
    .argument('<file>', 'a file written by `qosalqy backup`')
    .option('--replace', 'empty a database that holds data first (same transaction)')
    .action(async (file: string, opts: { replace?: boolean }) => {
      const config = loadConfig();
      const db = await openDatabase({ url: config.databaseUrl, dataDir: `${config.dataDir}/pgdata` });
      try {
        await migrate(db);
        const counts = await restoreDatabase(db, file, { replace: !!opts.replace });
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(`restored ${Object.keys(counts).length} tables, ${total} rows from ${file}`);
      } catch (error) {
        if (!(error instanceof BackupError)) throw error;
        console.error(`${error.message}\nnothing was changed`);
        process.exitCode = 1;
      } finally {
        await db.close();
      }
    });
}

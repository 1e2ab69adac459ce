import type { Command } from 'commander';
import { seedDemoUsers } from '../../app/demo/seed-demo';
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
}

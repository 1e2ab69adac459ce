import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { seedDemoActivity } from '../../app/demo/demo-activity';
import { seedDemoHouseholds } from '../../app/demo/demo-households';
import { seedDemoUsers } from '../../app/demo/seed-demo';
import { generatorNames } from '../../adapters/reference/names';
import { ensureReferenceData } from '../../app/reference/ensure-reference-data';
import { referenceSources } from '../../adapters/reference/reference-files';
import { startAuditSealer } from '../../adapters/db/audit-sealer';
import { startNameIndexer } from '../../adapters/db/name-indexer';
import { startBackgroundJobs } from '../../adapters/notifications/background';
import { buildApp, openRuntime } from '../../adapters/runtime';
import { loadConfig } from '../../adapters/system/config';

const DEMO_USERNAMES = 'akimat, psc, director, district, oblast, ministry, admin, auditor, citizen';

/** The demo password: QOSALQY_DEMO_PASSWORD, or one made at first start and kept beside the embedded data. */
function demoPassword(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'demo-password.txt');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const made = randomBytes(9).toString('base64url');
  writeFileSync(file, `${made}\n`);
  chmodSync(file, 0o600);
  return made;
}

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('migrate the database, seed the demo on first run, and serve the UI and API')
    .option('--no-demo', 'do not create the demo users and data')
    .action(async (opts: { demo: boolean }) => {
      const started = Date.now();
      const config = loadConfig();
      const runtime = await openRuntime(config);
      for (const line of await ensureReferenceData(runtime.deps, referenceSources(config.sharedDir))) {
        console.log(`Loaded ${line}`);
      }
      let password: string | undefined;
      if (opts.demo && process.env.QOSALQY_DEMO !== 'false') {
        password = demoPassword(config.dataDir, config.demoPassword);
        await seedDemoUsers(runtime.deps, password);
      }
      const app = await buildApp(runtime, config);
      await app.listen({ port: config.port, host: config.host });
      const jobs = startBackgroundJobs(runtime, config.notifications);
      const sealer = startAuditSealer(runtime.deps.auditReader, (line) => console.error(line));
      const names = startNameIndexer(runtime.deps, (line) => console.error(line));
      const shutdown = async () => {
        await jobs.stop();
        await app.close();
        await sealer.stop();
        await names.stop();
        await runtime.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `\nQosalqy is running on ${config.publicBaseUrl} (database: ${runtime.db.kind}, ready in ${seconds}s)`,
      );
      console.log(`API docs: ${config.publicBaseUrl}/api/docs`);
      if (password) {
        console.log(`Demo logins: ${DEMO_USERNAMES} — password: ${password}`);
        // The demo household book is written after the server answers, so the first start stays quick.
        const demo = await seedDemoHouseholds(runtime.deps, generatorNames());
        if (demo) {
          console.log(`Demo household book: ${demo.households} households in the Akkol district`);
          // Only with a book written just now: it is recorded as of the start of the demo's past.
          const past = await seedDemoActivity(runtime.deps);
          if (past) {
            console.log(
              `Demo activity: ${past.applications} applications, ${past.complaints} complaints and ${past.surveys} survey answers of the last weeks`,
            );
            if (past.failed.length > 0)
              console.error(
                `Demo activity: ${past.failed.length} actions refused — ${past.failed.join('; ')}`,
              );
          }
        }
      }
    });
}

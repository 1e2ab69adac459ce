/**
 * A real Qosalqy server for integration and e2e tests: a fresh database (PGlite in memory by default, or a
 * fresh PostgreSQL database), migrations, the demo users, listening on a random loopback port.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { seedDemoUsers } from '../../src/app/demo/seed-demo';
import { ensureReferenceData } from '../../src/app/reference/ensure-reference-data';
import { referenceSources } from '../../src/adapters/reference/reference-files';
import { makeDeps, type Runtime, sharedSecret } from '../../src/adapters/runtime';
import type { DatabaseKind } from '../../src/adapters/db/database';
import { buildServer, type ServerOptions } from '../../src/adapters/http/server';
import { fastTestPasswords } from '../../src/adapters/system/system';
import type { Clock } from '../../src/app/ports';
import { openDatabase } from '../../src/adapters/db/database';
import { freshDatabase, type TestDatabase } from './databases';
import { leaksIn } from './log-leaks';

export const TEST_DEMO_PASSWORD = 'demo-password-1';

export interface TestServer {
  readonly url: string;
  readonly demoPassword: string;
  readonly app: FastifyInstance;
  readonly runtime: Runtime;
  /** Every log line the server wrote, for checks that no IIN or password leaks. */
  readonly logs: string[];
  close(): Promise<void>;
}

export interface TestServerOptions {
  readonly database?: DatabaseKind;
  /** `builtin` (default, fast, no ../shared needed) or `shared`: the 2022 KATO snapshot when present. */
  readonly territory?: 'builtin' | 'shared';
  /** A clock the test controls (queue tests pin a working day); the system clock by default. */
  readonly clock?: Clock;
  /**
   * Start a second instance on the first one's PostgreSQL database (no fresh database, no seeding; closing it
   * leaves the database to its owner): several server instances, as in production.
   */
  readonly sameDatabaseAs?: TestServer;
  /** Told of every route the server registers (the access-matrix test). */
  readonly onRoute?: ServerOptions['onRoute'];
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const shared = options.sameDatabaseAs?.runtime.db.url;
  if (options.sameDatabaseAs && !shared) throw new Error('a second instance needs PostgreSQL');
  let test: TestDatabase;
  if (shared) {
    const db = await openDatabase({ url: shared, poolSize: 10 });
    test = { db, url: shared, drop: () => db.close() };
  } else {
    test = await freshDatabase(options.database ?? 'pglite');
  }
  const made = await makeDeps(test.db, fastTestPasswords, 'http://127.0.0.1');
  const deps = options.clock ? { ...made, clock: options.clock } : made;
  const runtime: Runtime = { db: test.db, deps, close: () => test.drop() };
  if (!shared) {
    await ensureReferenceData(
      deps,
      referenceSources(options.territory === 'shared' ? '../shared' : '/nonexistent'),
    );
    await seedDemoUsers(deps, TEST_DEMO_PASSWORD);
  }
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const app = await buildServer({
    deps,
    databaseKind: test.db.kind,
    publicBaseUrl: 'http://127.0.0.1',
    logLevel: 'info',
    logStream,
    csrfHmacKey: await sharedSecret(test.db, 'csrf_hmac'),
    keyRing: deps.keyRing,
    ...(options.onRoute ? { onRoute: options.onRoute } : {}),
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    demoPassword: TEST_DEMO_PASSWORD,
    app,
    runtime,
    logs,
    async close() {
      await app.close();
      await test.drop();
      // R-14 / issue 10 item 7: every test server checks its own log — no IIN, no password, ever.
      const leaks = leaksIn(logs, [TEST_DEMO_PASSWORD]);
      if (leaks.length > 0)
        throw new Error(`the server's log leaked personal data or a secret: ${leaks.join('; ')}`);
    },
  };
}

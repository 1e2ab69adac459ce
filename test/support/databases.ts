/**
 * Real databases for integration tests (never mocks): a fresh in-memory PGlite, and — when TEST_DATABASE_URL
 * is set — a fresh PostgreSQL database per call, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, type DatabaseKind, openDatabase } from '../../src/adapters/db/database';
import { migrate } from '../../src/adapters/db/migrate';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** The databases every integration test runs on: PGlite always, PostgreSQL when configured. */
export const DATABASE_KINDS: DatabaseKind[] = TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  readonly db: Db;
  /** postgres:// URL of the fresh database (PostgreSQL only), for spawning servers against it. */
  readonly url: string | undefined;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createEmptyPostgresDatabase(): Promise<string> {
  const name = `qosalqy_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export async function freshDatabase(
  kind: DatabaseKind,
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  let db: Db;
  let url: string | undefined;
  if (kind === 'postgres') {
    if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
    url = await createEmptyPostgresDatabase();
    db = await openDatabase({ url, poolSize: 10 });
  } else {
    db = await openDatabase({ dataDir: 'memory://' });
  }
  if (options.migrated !== false) await migrate(db);
  return {
    db,
    url,
    async drop() {
      await db.close();
      if (url) await dropPostgresDatabase(url);
    },
  };
}

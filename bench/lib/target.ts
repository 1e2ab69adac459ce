/**
 * The database a benchmark runs on: a fresh PostgreSQL database `qosalqy_bench_<stamp>` (dropped at the end)
 * or a PGlite data directory in a temp folder (removed at the end); with `--keep`, a loaded one is left in
 * place and `--database <name|dir>` reuses it, so the 1.6-million-household load is paid once.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseKind, type Db, openDatabase } from '../../src/adapters/db/database';
import { migrate } from '../../src/adapters/db/migrate';
import { ROOT_DIR } from '../../src/adapters/system/paths';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Target {
  readonly kind: DatabaseKind;
  readonly db: Db;
  /** The PostgreSQL database name or the PGlite data directory. */
  readonly location: string;
  /** True when `--database` named one that already existed. */
  readonly reused: boolean;
  /** Closes the connection; drops the database (or removes the directory) unless it is kept. */
  close(): Promise<void>;
}

export interface TargetOptions {
  readonly adminUrl: string;
  readonly keep: boolean;
  readonly database?: string | undefined;
  readonly stamp: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'qosalqy-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function openTarget(kind: DatabaseKind, options: TargetOptions): Promise<Target> {
  if (kind === 'postgres') {
    const name = options.database ?? `qosalqy_bench_${options.stamp}`;
    // The name goes into CREATE/DROP DATABASE, which take no parameters.
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
      throw new Error(`--database: not a plain database name: ${name}`);
    const reused = await withAdmin(options.adminUrl, async (c) => {
      const found = await c.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount) return true;
      await c.query(`CREATE DATABASE ${name}`);
      return false;
    });
    const url = new URL(options.adminUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ url: url.toString(), poolSize: 10 });
    await migrate(db);
    return {
      kind,
      db,
      location: name,
      reused,
      async close() {
        await db.close();
        // A database named with --database that already existed is never dropped, --keep or not.
        if (options.keep || reused) return;
        // The pool's last connections may still be closing; dropping with FORCE at once would kill them
        // mid-goodbye and make the pool emit an unhandled error.
        await sleep(300);
        await withAdmin(options.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  }
  const dir = options.database
    ? path.resolve(options.database)
    : mkdtempSync(path.join(os.tmpdir(), 'qosalqy-bench-pglite-'));
  const reused = existsSync(path.join(dir, 'PG_VERSION'));
  const db = await openDatabase({ dataDir: dir });
  await migrate(db);
  return {
    kind,
    db,
    location: dir,
    reused,
    async close() {
      await db.close();
      // As on PostgreSQL: a directory named with --database that already held a book is never removed.
      if (!options.keep && !reused) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly os: string;
  readonly loadAverage: readonly number[];
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export interface DatabaseInfo {
  readonly version: string;
  readonly driver: string;
  readonly settings: Record<string, string>;
}

const SETTINGS = [
  'shared_buffers',
  'work_mem',
  'maintenance_work_mem',
  'effective_cache_size',
  'synchronous_commit',
  'max_wal_size',
  'jit',
];

function packageVersion(name: string): string {
  const file = path.join(ROOT_DIR, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : '?';
}

export async function databaseInfo(target: Target): Promise<DatabaseInfo> {
  const version = (await sql<{ v: string }>`select version() as v`.execute(target.db.kysely)).rows[0]!.v;
  const rows = await sql<{ name: string; setting: string }>`
    select name, current_setting(name) as setting from pg_settings where name = any(${SETTINGS})`.execute(
    target.db.kysely,
  );
  return {
    version,
    driver:
      target.kind === 'postgres'
        ? `pg ${packageVersion('pg')} via kysely ${packageVersion('kysely')}`
        : `@electric-sql/pglite ${packageVersion('@electric-sql/pglite')} via kysely-pglite-dialect ${packageVersion('kysely-pglite-dialect')}`,
    settings: Object.fromEntries(rows.rows.map((r) => [r.name, r.setting])),
  };
}

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

/** PostgreSQL's Unix socket as Debian's server makes it. */
const LOCAL_SOCKET_DIR = '/var/run/postgresql';

/**
 * The admin connection when BENCH_DATABASE_URL is not set: the local server's Unix socket when there is one,
 * else TCP on 127.0.0.1. The benchmarks measure the service on one machine, where a deployment connects the
 * way a same-host client does — over the socket, which costs each round trip less CPU than loopback TCP
 * (≈ 9 % more certificates a second here, docs/PERFORMANCE.md 2026-12-02 fourth session). The results name
 * the connection (`databases.postgres.connection`).
 */
export const DEFAULT_BENCH_DATABASE_URL = existsSync(`${LOCAL_SOCKET_DIR}/.s.PGSQL.5432`)
  ? `postgres://postgres@${encodeURIComponent(LOCAL_SOCKET_DIR)}/postgres`
  : 'postgres://postgres@127.0.0.1:5432/postgres';

/** How a database URL reaches the server, for the results: "unix socket /dir" or "tcp host:port". */
export function connectionOf(url: string): string {
  const host = decodeURIComponent(new URL(url).hostname || 'localhost');
  return host.startsWith('/') ? `unix socket ${host}` : `tcp ${host}:${new URL(url).port || 5432}`;
}

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
  /** PostgreSQL: how the benchmark's connections reach the server (connectionOf). */
  readonly connection?: string;
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
    ...(target.kind === 'postgres' && target.db.url ? { connection: connectionOf(target.db.url) } : {}),
    driver:
      target.kind === 'postgres'
        ? `pg ${packageVersion('pg')} via kysely ${packageVersion('kysely')}`
        : `@electric-sql/pglite ${packageVersion('@electric-sql/pglite')} via kysely-pglite-dialect ${packageVersion('kysely-pglite-dialect')}`,
    settings: Object.fromEntries(rows.rows.map((r) => [r.name, r.setting])),
  };
}

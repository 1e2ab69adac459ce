/**
 * One Kysely instance per process over PGlite (embedded default: data in a directory, zero set-up) or
 * PostgreSQL (DATABASE_URL). One SQL dialect and one set of migrations for both (ADR 0001).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import { namingClient, StatementNames } from './prepared-statements';
import type { Database } from './schema';

const DATE_OID = 1082;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** The postgres:// URL (PostgreSQL only): for a dedicated LISTEN connection (queue feed). */
  readonly url?: string;
  /** Runs a multi-statement SQL script in one transaction (migrations, restores). */
  execScript(script: string): Promise<void>;
  close(): Promise<void>;
}

// int8 (bigint) and numeric come back as strings from node-postgres; PGlite gives numbers. Ask both for the
// same JS types: int8 as number (counts and sequences stay far below 2^53), numeric as number (areas in ha).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// A `date` is a civil day (PlainDate), never an instant: keep it as the 'YYYY-MM-DD' text on both drivers,
// instead of a JS Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface OpenOptions {
  /** postgres://… — when set, PostgreSQL is used. */
  readonly url?: string | undefined;
  /** PGlite data directory; `memory://` (or undefined with no url) keeps it in memory. */
  readonly dataDir?: string | undefined;
  readonly poolSize?: number;
  /** PostgreSQL: send repeated statements as named prepared statements (ADR 0009). Default: true. */
  readonly preparedStatements?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<Db> {
  if (options.url) {
    const poolSize = options.poolSize ?? 20;
    const pool = new pg.Pool({
      connectionString: options.url,
      max: poolSize,
      // A connection once opened stays open (a fixed-size pool, as HikariCP recommends). pg-pool's default closed
      // each one idle for 10 s; under steady traffic the pool shrank between bursts, and the next small stall
      // opened a dozen connections in one second — each a new backend, with cold caches and its prepared
      // statements to prepare again (ADR 0009). In the load test every cluster of slow answers (0.2–1 s, most of
      // the p99) fell on such a second. allowExitOnIdle: idle connections alone never keep a process alive.
      min: poolSize,
      allowExitOnIdle: true,
      application_name: 'qosalqy',
      ...(options.preparedStatements === false ? {} : { Client: namingClient(new StatementNames()) }),
    });
    // An idle pooled connection that the server ends (restart, failover, pg_terminate_backend, a dropped
    // database) emits 'error' on the pool; without a listener Node treats it as uncaught and the whole
    // service dies. The pool has already discarded that client and opens a new one on the next query, so
    // there is nothing to do here but not crash.
    pool.on('error', () => {});
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await sql`select 1`.execute(kysely);
    const execScript = async (script: string) => {
      const client = await pool.connect();
      try {
        // Without parameters node-postgres uses the simple protocol, which accepts several statements.
        await client.query(`BEGIN;\n${script}\n;COMMIT;`);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    };
    return { kysely, kind: 'postgres', url: options.url, execScript, close: () => kysely.destroy() };
  }
  let dataDir = options.dataDir ?? 'memory://';
  let lock: { release(): void } | undefined;
  if (!dataDir.startsWith('memory://')) {
    dataDir = path.resolve(dataDir);
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir, {
      extensions: { pg_trgm, btree_gin, btree_gist },
      parsers: { [DATE_OID]: (v: string) => v },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const execScript = async (script: string) => {
    await pglite.transaction(async (tx) => {
      await tx.exec(script);
    });
  };
  const close = async () => {
    await kysely.destroy();
    lock?.release();
  };
  return { kysely, kind: 'pglite', execScript, close };
}

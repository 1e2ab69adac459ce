/**
 * Applies the numbered .sql files of migrations/ in order, each in its own transaction, and records them in
 * schema_migrations. Safe to run from several instances at once on PostgreSQL (an advisory lock serialises
 * them); PGlite has one connection per process anyway.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);
const LOCK_KEY = 7_402_115; // arbitrary, fixed: "qosalqy migrations"

export interface Migration {
  readonly version: string;
  readonly name: string;
  readonly sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: file.slice(0, 4),
      name: file.slice(5, -4),
      sql: readFileSync(path.join(dir, file), 'utf8'),
    }));
}

export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const applied: string[] = [];
  await db.kysely.connection().execute(async (conn) => {
    if (db.kind === 'postgres') await sql`select pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (
        version text primary key, name text not null, applied_at timestamptz not null default now())`.execute(
        conn,
      );
      const done = new Set(
        (await conn.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version),
      );
      for (const m of listMigrations(dir)) {
        if (done.has(m.version)) continue;
        const record = `INSERT INTO schema_migrations (version, name) VALUES ('${m.version}', '${m.name}');`;
        await db.execScript(`${m.sql}\n;\n${record}`);
        applied.push(`${m.version}_${m.name}`);
      }
    } finally {
      if (db.kind === 'postgres') await sql`select pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
  return { applied };
}

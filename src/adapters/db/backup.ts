/**
 * `qosalqy backup` / `qosalqy restore` (issue 10 item 7): a logical, engine-neutral copy of every table, so a
 * PGlite book can move to PostgreSQL and back. PGlite has no pg_dump, so the copy is made with PostgreSQL's own
 * JSON conversion — `to_jsonb(row)` out, `jsonb_populate_recordset` in — which round-trips every type we use
 * (timestamptz, date, numeric, jsonb, char(12), bytea) through its text form, exactly.
 *
 * File: gzip'd NDJSON. Line 1 is the header (format, schema migrations, tables); then per table a
 * `{"$table": name}` line, one line per row, and `{"$end": name, "rows": n}`. Rows are read in primary-key
 * order by keyset pages, so a 1.6-million-household book never sits in memory.
 *
 * Restore runs in ONE transaction into a migrated database of the same schema: either all rows arrive, the
 * serial sequences are moved past them, or nothing changes.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Db } from './database';
import { listMigrations } from './migrate';
import type { Database } from './schema';

const FORMAT = 'qosalqy-backup';
const FORMAT_VERSION = 1;
const PAGE = 2_000;
/** Never copied: the schema's own bookkeeping (restore migrates the target itself). */
const SKIPPED = new Set(['schema_migrations']);

export interface BackupHeader {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly createdAt: string;
  readonly source: Db['kind'];
  readonly migrations: readonly string[];
  readonly tables: readonly string[];
}

export class BackupError extends Error {
  constructor(
    readonly code: 'BACKUP.BAD_FILE' | 'BACKUP.SCHEMA_MISMATCH' | 'BACKUP.TARGET_NOT_EMPTY',
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

interface TableInfo {
  readonly name: string;
  readonly primaryKey: readonly string[];
  /** Columns that reference the same table (e.g. issued_documents.superseded_by): filled in after all rows. */
  readonly selfReferences: readonly string[];
  /** Columns PostgreSQL computes (GENERATED ALWAYS): never inserted. */
  readonly generated: readonly string[];
  readonly serials: readonly { column: string; sequence: string }[];
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected identifier ${name}`);
  return `"${name}"`;
};

type Executor = Kysely<Database> | Transaction<Database>;

async function rows<T>(db: Executor, text: string, params: unknown[] = []): Promise<T[]> {
  const query = sql.raw<T>(text);
  // kysely's sql.raw takes no parameters; build a parameterised query with sql.join when there are any.
  if (params.length === 0) return (await query.execute(db)).rows;
  const parts = text.split(/\$\d+/);
  const pieces = parts.flatMap((part, i) =>
    i < params.length ? [sql.raw(part), sql`${params[i]}`] : [sql.raw(part)],
  );
  return (await sql<T>`${sql.join(pieces, sql``)}`.execute(db)).rows;
}

/** The tables of the public schema in an order where every referenced table comes first. */
export async function describeTables(db: Executor): Promise<TableInfo[]> {
  const tables = await rows<{ name: string }>(
    db,
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
  );
  const keys = await rows<{ table: string; column: string; pos: number }>(
    db,
    `select c.relname as "table", a.attname as "column", array_position(i.indkey::int2[], a.attnum) as pos
       from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey::int2[])
      where i.indisprimary and n.nspname = 'public'`,
  );
  const refs = await rows<{ table: string; referenced: string; column: string }>(
    db,
    `select c.relname as "table", r.relname as referenced, a.attname as "column"
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum = any(k.conkey)
      where k.contype = 'f' and n.nspname = 'public'`,
  );
  const generated = await rows<{ table: string; column: string }>(
    db,
    `select c.relname as "table", a.attname as "column" from pg_attribute a join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped and a.attgenerated <> ''`,
  );
  const serials = await rows<{ table: string; column: string; sequence: string }>(
    db,
    `select c.relname as "table", a.attname as "column",
            pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
        and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`,
  );
  const info = new Map<string, TableInfo>();
  for (const { name } of tables) {
    if (SKIPPED.has(name)) continue;
    const pk = keys
      .filter((k) => k.table === name)
      .sort((a, b) => a.pos - b.pos)
      .map((k) => k.column);
    if (pk.length === 0) throw new Error(`table ${name} has no primary key; a backup needs one to page by`);
    info.set(name, {
      name,
      primaryKey: pk,
      selfReferences: refs.filter((r) => r.table === name && r.referenced === name).map((r) => r.column),
      generated: generated.filter((g) => g.table === name).map((g) => g.column),
      serials: serials.filter((s) => s.table === name).map(({ column, sequence }) => ({ column, sequence })),
    });
  }
  // Topological order over foreign keys (self-references aside).
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done' || !info.has(name)) return;
    if (state.get(name) === 'visiting') throw new Error(`foreign keys form a cycle through ${name}`);
    state.set(name, 'visiting');
    for (const r of refs) if (r.table === name && r.referenced !== name) visit(r.referenced);
    state.set(name, 'done');
    ordered.push(info.get(name)!);
  };
  for (const name of info.keys()) visit(name);
  return ordered;
}

async function appliedMigrations(db: Executor): Promise<string[]> {
  return (
    await rows<{ v: string }>(
      db,
      `select version || '_' || name as v from schema_migrations order by version`,
    )
  ).map((r) => r.v);
}

/** Writes the whole database to `file` (gzip'd NDJSON). Returns the row count per table. */
export async function backupDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  // One snapshot for the whole copy (REPEATABLE READ), so the file is consistent even while the server writes.
  await db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tables = await describeTables(trx);
      const header: BackupHeader = {
        format: FORMAT,
        version: FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        source: db.kind,
        migrations: await appliedMigrations(trx),
        tables: tables.map((t) => t.name),
      };
      await write(JSON.stringify(header));
      for (const table of tables) {
        await write(JSON.stringify({ $table: table.name }));
        const order = table.primaryKey.map(ident).join(', ');
        let last: string | null = null;
        let count = 0;
        for (;;) {
          const page: { j: string }[] = await rows<{ j: string }>(
            trx,
            last === null
              ? `select to_jsonb(t)::text as j from ${ident(table.name)} t order by ${order} limit ${PAGE}`
              : `select to_jsonb(t)::text as j from ${ident(table.name)} t
                  where (${order}) > (select ${order} from jsonb_populate_record(null::${ident(table.name)}, $1::jsonb))
                  order by ${order} limit ${PAGE}`,
            last === null ? [] : [last],
          );
          for (const r of page) await write(r.j);
          count += page.length;
          if (page.length < PAGE) break;
          last = page[page.length - 1]!.j;
        }
        await write(JSON.stringify({ $end: table.name, rows: count }));
        counts[table.name] = count;
      }
    });
  gzip.end();
  await once(out, 'finish');
  return counts;
}

/**
 * Loads a backup into `db`, which must be migrated to the same schema. Refuses a database that holds data
 * unless `replace` is set (then its tables are emptied first, in the same transaction).
 */
export async function restoreDatabase(
  db: Db,
  file: string,
  options: { replace?: boolean } = {},
): Promise<Record<string, number>> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    const r = await iterator.next();
    return r.done ? undefined : r.value;
  };
  let header: BackupHeader;
  try {
    header = JSON.parse((await next()) ?? '');
  } catch {
    throw new BackupError('BACKUP.BAD_FILE', `${file} is not a Qosalqy backup (gzip'd NDJSON)`);
  }
  if (header.format !== FORMAT || header.version !== FORMAT_VERSION) {
    throw new BackupError('BACKUP.BAD_FILE', `${file} is not a Qosalqy backup of format ${FORMAT_VERSION}`);
  }
  const ours = listMigrations().map((m) => `${m.version}_${m.name}`);
  if (JSON.stringify(ours) !== JSON.stringify(header.migrations)) {
    throw new BackupError(
      'BACKUP.SCHEMA_MISMATCH',
      `the backup has migrations ${header.migrations.at(-1)}, this Qosalqy ${ours.at(-1)}: restore with the same version`,
    );
  }
  const counts: Record<string, number> = {};
  await db.kysely.transaction().execute(async (trx) => {
    const tables = new Map((await describeTables(trx)).map((t) => [t.name, t]));
    const dataTables = [...tables.keys()].filter((t) => t !== 'audit_head');
    const nonEmpty: string[] = [];
    for (const t of dataTables) {
      const [r] = await rows<{ any: boolean }>(trx, `select exists (select 1 from ${ident(t)}) as any`);
      if (r?.any) nonEmpty.push(t);
    }
    if (nonEmpty.length > 0 && !options.replace) {
      throw new BackupError(
        'BACKUP.TARGET_NOT_EMPTY',
        `the target database holds data (${nonEmpty.slice(0, 5).join(', ')}…); use an empty one, or --replace`,
      );
    }
    // TRUNCATE fires no row triggers (the audit log's append-only trigger guards UPDATE and DELETE).
    await rows(trx, `truncate ${[...tables.keys()].map(ident).join(', ')}`);
    // The rows come back exactly as they were saved: no trigger may add to them meanwhile (the indicator
    // roll-ups' dirty-day marks would collide with the saved ones; the audit guard has nothing to guard).
    // Switched back on before the transaction commits; a failed restore rolls this back too.
    for (const name of tables.keys()) await rows(trx, `alter table ${ident(name)} disable trigger user`);
    const deferred: { table: TableInfo; rows: string[] }[] = [];
    let table: TableInfo | undefined;
    let batch: string[] = [];
    let count = 0;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const columns = await insertColumns(trx, table);
      const strip = table.selfReferences.map((c) => ` - '${c}'`).join('');
      await rows(
        trx,
        `insert into ${ident(table.name)} (${columns.map(ident).join(', ')})
         select ${columns.map(ident).join(', ')}
           from jsonb_populate_recordset(null::${ident(table.name)},
                (select jsonb_agg(e${strip}) from jsonb_array_elements($1::jsonb) e))`,
        [`[${batch.join(',')}]`],
      );
      if (table.selfReferences.length > 0) deferred.push({ table, rows: batch });
      batch = [];
    };
    for (let line = await next(); line !== undefined; line = await next()) {
      if (line.startsWith('{"$table"')) {
        const name = (JSON.parse(line) as { $table: string }).$table;
        table = tables.get(name);
        if (!table)
          throw new BackupError('BACKUP.SCHEMA_MISMATCH', `the backup has a table ${name} this schema lacks`);
        count = 0;
      } else if (line.startsWith('{"$end"')) {
        await flush();
        const end = JSON.parse(line) as { $end: string; rows: number };
        if (!table || end.$end !== table.name || end.rows !== count) {
          throw new BackupError('BACKUP.BAD_FILE', `table ${end.$end} is incomplete in the file`);
        }
        counts[table.name] = count;
        table = undefined;
      } else if (line.length > 0) {
        if (!table) throw new BackupError('BACKUP.BAD_FILE', 'a row outside any table');
        batch.push(line);
        count++;
        if (batch.length >= PAGE) await flush();
      }
    }
    if (table) throw new BackupError('BACKUP.BAD_FILE', `the file ends inside table ${table.name}`);
    // Self-references last, when every row they may point at exists.
    for (const { table: t, rows: saved } of deferred) {
      const pk = t.primaryKey.map(ident);
      const set = t.selfReferences.map((c) => `${ident(c)} = x.${ident(c)}`).join(', ');
      await rows(
        trx,
        `update ${ident(t.name)} t set ${set}
           from jsonb_populate_recordset(null::${ident(t.name)}, $1::jsonb) x
          where ${pk.map((c) => `t.${c} = x.${c}`).join(' and ')}`,
        [`[${saved.join(',')}]`],
      );
    }
    for (const name of tables.keys()) await rows(trx, `alter table ${ident(name)} enable trigger user`);
    for (const t of tables.values()) {
      for (const s of t.serials) {
        await rows(
          trx,
          `select setval('${s.sequence.replace(/'/g, "''")}', coalesce((select max(${ident(s.column)}) from ${ident(t.name)}), 0) + 1, false)`,
        );
      }
    }
  });
  return counts;
}

async function insertColumns(db: Executor, table: TableInfo): Promise<string[]> {
  const all = await rows<{ name: string }>(
    db,
    `select a.attname as name from pg_attribute a join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname = '${table.name}' and a.attnum > 0 and not a.attisdropped
      order by a.attnum`,
  );
  return all.map((c) => c.name).filter((c) => !table.generated.includes(c));
}

/** Row count and a digest of every table's content, to compare two databases (tests, and after a restore). */
export async function databaseDigest(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
  const digest: Record<string, { rows: number; md5: string }> = {};
  for (const t of await describeTables(db.kysely)) {
    const [r] = await rows<{ n: number; md5: string }>(
      db.kysely,
      `select count(*)::int as n, md5(coalesce(string_agg(to_jsonb(t)::text, E'\\n' order by to_jsonb(t)::text), '')) as md5
         from ${ident(t.name)} t`,
    );
    digest[t.name] = { rows: r?.n ?? 0, md5: r?.md5 ?? '' };
  }
  return digest;
}

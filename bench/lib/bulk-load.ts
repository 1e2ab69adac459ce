/**
 * The benchmarks' fast loader of the synthetic household book. The households are the same as
 * `qosalqy generate-households` writes (the domain generator, numbered per akimat, validated by
 * createHousehold, mapped to rows by the repository's own row functions); only the writing differs:
 * `INSERT … SELECT FROM unnest(arrays)` of 4,000 households a statement, with the next batch generated while
 * the database writes the last one. The five tables are stripped of their indexes, keys and foreign keys for
 * the load and re-indexed after it (on PostgreSQL also made UNLOGGED, then LOGGED again) — what an operator
 * does for a first load of 6 million rows. This is NOT the import path: `household-import`
 * measures that (importHouseholdBook).
 */
import { type Kysely, sql } from 'kysely';
import type { Db } from '../../src/adapters/db/database';
import {
  householdRow,
  memberRows,
  versionRow,
} from '../../src/adapters/db/repositories/households.repository';
import type { Database } from '../../src/adapters/db/schema';
import { changeMeta } from '../../src/app/households/access';
import { akimatsForGenerator } from '../../src/app/households/generate-households';
import type { Deps, UserRecord } from '../../src/app/ports';
import { generateHouseholds } from '../../src/domain/household/generator';
import type { NameData } from '../../src/domain/household/names';
import { createHousehold } from '../../src/domain/household/versions';

const TABLES = [
  'households',
  'household_versions',
  'household_members',
  'household_iin_index',
  'household_names',
] as const;
const BATCH = 4000;

export interface BulkLoadResult {
  readonly households: number;
  readonly members: number;
  /** Generating and inserting the rows. */
  readonly insertSeconds: number;
  /** Making the tables logged again and rebuilding keys, indexes and foreign keys (PostgreSQL). */
  readonly indexSeconds: number;
}

interface Columns {
  households: Record<keyof ReturnType<typeof householdRow>, unknown[]>;
  versions: Record<keyof ReturnType<typeof versionRow>, unknown[]>;
  members: Record<keyof ReturnType<typeof memberRows>[number], unknown[]>;
}

function emptyColumns(): Columns {
  const cols = <K extends string>(...names: K[]) =>
    Object.fromEntries(names.map((n) => [n, [] as unknown[]])) as Record<K, unknown[]>;
  return {
    households: cols(
      'id',
      'akimat_kato',
      'settlement_kato',
      'book_number',
      'account_number',
      'address',
      'status',
      'current_version',
      'head_name',
      'updated_at',
    ),
    versions: cols(
      'household_id',
      'version',
      'change',
      'recorded_on',
      'recorded_at',
      'recorded_by',
      'reason',
      'doc',
    ),
    members: cols(
      'household_id',
      'akimat_kato',
      'iin',
      'surname',
      'name',
      'patronymic',
      'relation',
      'joined_on',
      'left_on',
      'household_open',
      'full_name',
    ),
  };
}

function push<T extends Record<string, unknown>>(into: Record<keyof T, unknown[]>, row: T): void {
  for (const key of Object.keys(into) as (keyof T)[]) into[key].push(row[key]);
}

async function writeBatch(db: Kysely<Database>, c: Columns): Promise<void> {
  const h = c.households;
  const v = c.versions;
  const m = c.members;
  await sql`
    insert into households (id, akimat_kato, settlement_kato, book_number, account_number, address, status,
      current_version, head_name, updated_at)
    select * from unnest(${h.id}::uuid[], ${h.akimat_kato}::text[], ${h.settlement_kato}::text[],
      ${h.book_number}::text[], ${h.account_number}::text[], ${h.address}::text[], ${h.status}::text[],
      ${h.current_version}::int4[], ${h.head_name}::text[], ${h.updated_at}::timestamptz[])`.execute(db);
  // The documents travel as one JSON array, not as a jsonb[] literal: node-postgres escapes every quote of an
  // array element in JavaScript, which cost more than everything else together.
  await sql`
    insert into household_versions (household_id, version, change, recorded_on, recorded_at, recorded_by,
      reason, doc)
    select u.household_id, u.version, u.change, u.recorded_on, u.recorded_at, u.recorded_by, u.reason, d.doc::jsonb
    from unnest(${v.household_id}::uuid[], ${v.version}::int4[], ${v.change}::text[],
      ${v.recorded_on}::date[], ${v.recorded_at}::timestamptz[], ${v.recorded_by}::text[], ${v.reason}::text[])
      with ordinality u(household_id, version, change, recorded_on, recorded_at, recorded_by, reason, n)
    join json_array_elements(${`[${v.doc.join(',')}]`}::json) with ordinality d(doc, n) using (n)`.execute(
    db,
  );
  await sql`
    insert into household_members (household_id, akimat_kato, iin, surname, name, patronymic, relation,
      joined_on, left_on, household_open, full_name)
    select * from unnest(${m.household_id}::uuid[], ${m.akimat_kato}::text[], ${m.iin}::text[],
      ${m.surname}::text[], ${m.name}::text[], ${m.patronymic}::text[], ${m.relation}::text[],
      ${m.joined_on}::date[], ${m.left_on}::date[], ${m.household_open}::bool[], ${m.full_name}::text[])`.execute(
    db,
  );
  // Every member row is a distinct (iin, household) pair in a fresh book.
  await sql`
    insert into household_iin_index (iin, household_id)
    select * from unnest(${m.iin}::text[], ${m.household_id}::uuid[])`.execute(db);
  // The names' search copy, as the repository keeps it (ADR 0010).
  await sql`
    insert into household_names (household_id, iin, akimat_kato, full_name, display_name)
    select u.household_id, u.iin, u.akimat_kato, u.full_name,
      u.surname || ' ' || u.name || coalesce(' ' || u.patronymic, '')
    from unnest(${m.household_id}::uuid[], ${m.iin}::text[], ${m.akimat_kato}::text[], ${m.full_name}::text[],
      ${m.surname}::text[], ${m.name}::text[], ${m.patronymic}::text[])
      as u(household_id, iin, akimat_kato, full_name, surname, name, patronymic)`.execute(db);
}

interface Definitions {
  /** Primary keys and unique constraints, then foreign keys: `ALTER TABLE … ADD CONSTRAINT` statements. */
  readonly constraints: { table: string; name: string; type: string; def: string }[];
  /** Indexes that back no constraint: `CREATE INDEX` statements. */
  readonly indexes: { name: string; def: string }[];
}

/** What the load removes from the five tables (and what references them), to put back afterwards. */
async function definitions(db: Kysely<Database>): Promise<Definitions> {
  const constraints = await sql<{ table: string; name: string; type: string; def: string }>`
    select c.conrelid::regclass::text as table, c.conname as name, c.contype as type,
      pg_get_constraintdef(c.oid) as def
    from pg_constraint c
    where c.contype in ('p', 'u', 'f')
      and (c.conrelid::regclass::text = any(${[...TABLES]}) or c.confrelid::regclass::text = any(${[...TABLES]}))
    order by c.contype = 'f', c.conname`.execute(db);
  const indexes = await sql<{ name: string; def: string }>`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = current_schema() and i.tablename = any(${[...TABLES]})
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
    order by i.indexname`.execute(db);
  return { constraints: constraints.rows, indexes: indexes.rows };
}

export async function bulkLoadHouseholdBook(
  target: Db,
  deps: Deps,
  options: {
    readonly count: number;
    readonly seed: string;
    readonly referenceYear: number;
    readonly names: NameData;
    readonly log: (message: string) => void;
  },
): Promise<BulkLoadResult> {
  const akimats = await akimatsForGenerator(deps);
  const meta = changeMeta(deps, { id: 'system' } as UserRecord, 'synthetic household book');
  const ctx = { species: deps.species };
  const postgres = target.kind === 'postgres';
  return target.kysely.connection().execute(async (db) => {
    let defs: Definitions = { constraints: [], indexes: [] };
    defs = await definitions(db);
    if (postgres) await sql`set synchronous_commit = off`.execute(db);
    for (const c of defs.constraints.filter((x) => x.type === 'f'))
      await sql`alter table ${sql.id(c.table)} drop constraint ${sql.id(c.name)}`.execute(db);
    for (const c of defs.constraints.filter((x) => x.type !== 'f'))
      await sql`alter table ${sql.id(c.table)} drop constraint ${sql.id(c.name)}`.execute(db);
    for (const i of defs.indexes) await sql`drop index ${sql.id(i.name)}`.execute(db);
    if (postgres) for (const t of TABLES) await sql`alter table ${sql.id(t)} set unlogged`.execute(db);
    options.log(
      `  bulk load: dropped ${defs.constraints.length} constraints and ${defs.indexes.length} indexes${postgres ? ', tables unlogged' : ''}`,
    );
    const started = performance.now();
    const lastAccount = new Map<string, number>();
    let households = 0;
    let members = 0;
    let columns = emptyColumns();
    let inBatch = 0;
    let writing: Promise<void> = Promise.resolve();
    let nextReport = options.count >= 500_000 ? 100_000 : 20_000;
    const flush = async () => {
      const full = columns;
      columns = emptyColumns();
      inBatch = 0;
      // One batch in flight: the next one is generated while the database writes this one.
      await writing;
      writing = writeBatch(db, full);
      // Surface a failure at once rather than after the last batch.
      writing.catch(() => undefined);
    };
    for (const household of generateHouseholds({
      count: options.count,
      seed: options.seed,
      akimats,
      referenceYear: options.referenceYear,
      names: options.names,
    })) {
      const account = (lastAccount.get(household.akimatKato) ?? 0) + 1;
      lastAccount.set(household.akimatKato, account);
      const v = createHousehold(
        deps.ids.timeOrderedUuid(),
        {
          ...household,
          bookNumber: String(Math.floor((account - 1) / 100) + 1),
          accountNumber: String(account),
        },
        meta,
        ctx,
        'imported',
      );
      if (!v.ok) throw new Error(`generator produced an invalid household: ${v.error.code}`);
      push(columns.households, householdRow(v.value));
      push(columns.versions, versionRow(v.value));
      for (const row of memberRows(v.value)) push(columns.members, row);
      households++;
      members += v.value.household.members.length;
      if (++inBatch >= BATCH) await flush();
      if (households >= nextReport) {
        const s = (performance.now() - started) / 1000;
        options.log(`  ${households} households, ${members} members, ${s.toFixed(0)} s`);
        nextReport += options.count >= 500_000 ? 100_000 : 20_000;
      }
    }
    if (inBatch > 0) await flush();
    await writing;
    const insertSeconds = (performance.now() - started) / 1000;
    options.log(`  inserted ${households} households, ${members} members in ${insertSeconds.toFixed(0)} s`);
    const indexStarted = performance.now();
    await sql`set maintenance_work_mem = ${sql.lit(postgres ? '1GB' : '256MB')}`.execute(db);
    for (const t of postgres ? TABLES : []) {
      const t0 = performance.now();
      await sql`alter table ${sql.id(t)} set logged`.execute(db);
      options.log(`  ${t} logged in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    for (const c of [
      ...defs.constraints.filter((x) => x.type !== 'f'),
      ...defs.indexes.map((i) => ({ ...i, type: 'i', table: '' })),
      ...defs.constraints.filter((x) => x.type === 'f'),
    ]) {
      const t0 = performance.now();
      if (c.type === 'i') await sql.raw(c.def).execute(db);
      else
        await sql`alter table ${sql.id(c.table)} add constraint ${sql.id(c.name)} ${sql.raw(c.def)}`.execute(
          db,
        );
      options.log(`  ${c.name} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    await sql`reset maintenance_work_mem`.execute(db);
    if (postgres) await sql`reset synchronous_commit`.execute(db);
    return { households, members, insertSeconds, indexSeconds: (performance.now() - indexStarted) / 1000 };
  });
}

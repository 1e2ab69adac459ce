/**
 * The household book's storage (issue 4). Versions are append-only rows holding the whole household as JSON;
 * `households` points at the current one; `household_members` indexes the current members for lookup by IIN,
 * and the one-open-household rule (a unique partial index); `household_names` is their names' search copy with
 * the trigram index (ADR 0010); `household_iin_index` remembers every household an IIN was ever listed in.
 */
import { type Kysely, sql } from 'kysely';
import { UseCaseError } from '../../../app/errors';
import type { HouseholdQuery, HouseholdRepository, HouseholdSummary } from '../../../app/ports';
import { headOn, type Household } from '../../../domain/household/household';
import type { HouseholdVersion } from '../../../domain/household/versions';
import { significantPrefix } from '../../../domain/territory/kato-code';
import { foldName } from '../../../domain/territory/kato-names';
import type { Database } from '../schema';

/** Households a statement (and four times as many member rows). */
const BATCH = 2000;

export function personName(m: {
  surname: string;
  name: string;
  patronymic?: string | null | undefined;
}): string {
  return [m.surname, m.name, m.patronymic].filter(Boolean).join(' ');
}

/** The search key of a name: lower case, Kazakh letters folded onto Russian ones ("Нұрлан" ~ "Нурлан"). */
export function nameKey(text: string): string {
  return foldName(text);
}

function headName(h: Household, on: string): string {
  const head = headOn(h, on as never) ?? h.members[0];
  return head ? personName(head) : '';
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows → one array per column, for `insert … select from unnest(…)`. */
function columnsOf<T extends Record<string, unknown>>(rows: readonly T[]): { [K in keyof T]: T[K][] } {
  const out = {} as { [K in keyof T]: T[K][] };
  const keys = Object.keys(rows[0] ?? {}) as (keyof T)[];
  for (const k of keys) out[k] = rows.map((r) => r[k]);
  return out;
}

function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: string; constraint?: string; message?: string };
  return err.code === '23505' && (err.constraint === constraint || (err.message ?? '').includes(constraint));
}

type VersionRow = {
  household_id: string;
  version: number;
  change: string;
  recorded_on: string;
  recorded_at: Date | string;
  recorded_by: string;
  reason: string;
  doc: unknown;
};

function toVersion(r: VersionRow): HouseholdVersion {
  return {
    householdId: r.household_id,
    version: r.version,
    change: r.change as HouseholdVersion['change'],
    recordedOn: String(r.recorded_on).slice(0, 10) as HouseholdVersion['recordedOn'],
    recordedAt: r.recorded_at instanceof Date ? r.recorded_at.toISOString() : String(r.recorded_at),
    recordedBy: r.recorded_by,
    reason: r.reason,
    household: r.doc as Household,
  };
}

/** The `households` row of a version-1 household (also used by the benchmarks' bulk loader). */
export function householdRow(v: HouseholdVersion) {
  return {
    id: v.householdId,
    akimat_kato: v.household.akimatKato,
    settlement_kato: v.household.settlementKato,
    book_number: v.household.bookNumber,
    account_number: v.household.accountNumber,
    address: v.household.address,
    status: v.household.status,
    current_version: v.version,
    head_name: headName(v.household, v.recordedOn),
    updated_at: v.recordedAt,
  };
}

/** The `household_versions` row of a version. */
export function versionRow(v: HouseholdVersion) {
  return {
    household_id: v.householdId,
    version: v.version,
    change: v.change,
    recorded_on: v.recordedOn,
    recorded_at: v.recordedAt,
    recorded_by: v.recordedBy,
    reason: v.reason,
    doc: JSON.stringify(v.household),
  };
}

/** The `household_members` rows of a version (its members, current and former). */
export function memberRows(v: HouseholdVersion) {
  return v.household.members.map((m) => ({
    household_id: v.householdId,
    akimat_kato: v.household.akimatKato,
    iin: m.iin,
    surname: m.surname,
    name: m.name,
    patronymic: m.patronymic ?? null,
    relation: m.relation,
    joined_on: m.joinedOn,
    left_on: m.leftOn ?? null,
    household_open: v.household.status === 'open',
    full_name: nameKey(personName(m)),
  }));
}

type MemberRow = ReturnType<typeof memberRows>[number];

function memberKey(m: { household_id: string; iin: string }): string {
  return `${m.household_id}\u0000${m.iin}`;
}

/** A held member row (dates read as `YYYY-MM-DD` text) is the one a version would write. */
function sameMemberRow(a: MemberRow, b: MemberRow | undefined): boolean {
  return (
    b !== undefined &&
    a.akimat_kato === b.akimat_kato &&
    a.surname === b.surname &&
    a.name === b.name &&
    a.patronymic === b.patronymic &&
    a.relation === b.relation &&
    a.joined_on === b.joined_on &&
    a.left_on === b.left_on &&
    a.household_open === b.household_open &&
    a.full_name === b.full_name
  );
}

/** Advisory lock key of the name indexer ('QNAM'). */
const NAME_INDEXER_LOCK = 0x514e414d;

type NameRow = {
  household_id: string;
  iin: string;
  akimat_kato: string;
  full_name: string;
  display_name: string;
};

/** The household_names rows of a version: its members' search keys and names as written. */
function nameRows(v: HouseholdVersion): NameRow[] {
  return v.household.members.map((m) => ({
    household_id: v.householdId,
    iin: m.iin,
    akimat_kato: v.household.akimatKato,
    full_name: nameKey(personName(m)),
    display_name: personName(m),
  }));
}

/** What household_names should hold for these households, read from their member rows (the name indexer). */
async function currentNameRows(db: Kysely<Database>, householdIds: readonly string[]): Promise<NameRow[]> {
  const rows = await sql<{
    household_id: string;
    iin: string;
    akimat_kato: string;
    full_name: string;
    surname: string;
    name: string;
    patronymic: string | null;
  }>`
    select household_id, iin, akimat_kato, full_name, surname, name, patronymic from household_members
    where household_id = any(${householdIds}::uuid[])`.execute(db);
  return rows.rows.map(({ surname, name, patronymic, ...r }) => ({
    ...r,
    display_name: personName({ surname, name, patronymic }),
  }));
}

/**
 * Makes household_names match the members of these households (ADR 0010): rows whose member is gone or
 * renamed are deleted, new or renamed ones written (unless `insert` is false: an import deletes at once and
 * leaves the writing to the name indexer) — an unchanged name costs no index work. `wanted` is the members'
 * rows when the caller holds them (saveVersions), else they are read; the two sides are compared here, not
 * as one anti-join, with which the planner hashed all 6 M members (seconds).
 */
async function syncNames(
  db: Kysely<Database>,
  householdIds: readonly string[],
  wanted: readonly NameRow[] | undefined,
  insert: boolean,
): Promise<void> {
  if (householdIds.length === 0) return;
  const members = wanted ?? (await currentNameRows(db, householdIds));
  const names = await sql<NameRow>`
    select household_id, iin, akimat_kato, full_name, display_name from household_names
    where household_id = any(${householdIds}::uuid[])`.execute(db);
  const key = (r: NameRow) => `${r.household_id}\u0000${r.iin}`;
  const same = (a: NameRow | undefined, b: NameRow) =>
    a !== undefined &&
    a.full_name === b.full_name &&
    a.display_name === b.display_name &&
    a.akimat_kato === b.akimat_kato;
  const byKey = new Map(members.map((r) => [key(r), r]));
  const held = new Map(names.rows.map((r) => [key(r), r]));
  const stale = names.rows.filter((r) => !same(byKey.get(key(r)), r));
  const fresh = members.filter((r) => !same(held.get(key(r)), r));
  if (stale.length > 0) {
    await sql`
      delete from household_names n
      using unnest(${stale.map((r) => r.household_id)}::uuid[], ${stale.map((r) => r.iin)}::bpchar[])
        as s(household_id, iin)
      where n.household_id = s.household_id and n.iin = s.iin`.execute(db);
  }
  if (insert && fresh.length > 0) {
    await sql`
      insert into household_names (household_id, iin, akimat_kato, full_name, display_name)
      select * from unnest(${fresh.map((r) => r.household_id)}::uuid[], ${fresh.map((r) => r.iin)}::bpchar[],
        ${fresh.map((r) => r.akimat_kato)}::bpchar[], ${fresh.map((r) => r.full_name)}::text[],
        ${fresh.map((r) => r.display_name)}::text[])
      on conflict (household_id, iin) do nothing`.execute(db);
  }
}

export function householdsRepository(db: Kysely<Database>): HouseholdRepository {
  const summaryColumns = [
    'h.id',
    'h.akimat_kato',
    'h.settlement_kato',
    'h.book_number',
    'h.account_number',
    'h.address',
    'h.status',
    'h.head_name',
    'h.current_version',
  ] as const;
  const toSummary = (r: {
    id: string;
    akimat_kato: string;
    settlement_kato: string;
    book_number: string;
    account_number: string;
    address: string;
    status: string;
    head_name: string;
    current_version: number;
    matched_name?: string | null;
  }): HouseholdSummary => ({
    id: r.id,
    akimatKato: r.akimat_kato,
    settlementKato: r.settlement_kato,
    bookNumber: r.book_number,
    accountNumber: r.account_number,
    address: r.address,
    status: r.status as 'open' | 'closed',
    headName: r.head_name,
    currentVersion: r.current_version,
    ...(r.matched_name ? { matchedName: r.matched_name } : {}),
  });

  return {
    async saveVersions(versions, options = {}) {
      // Set-based: a few statements per chunk whatever its size (arrays through unnest), so that an import of
      // a whole akimat's book costs a handful of round trips, not several per household.
      // Households first (every removed member row gone before any is written: a person may move between
      // households of the same file), then versions, members and the IIN index.
      const listedBefore = new Set<string>();
      const unchanged = new Set<string>();
      const rowsOf = new Map(versions.map((v) => [v.householdId, memberRows(v)] as const));
      for (const part of chunks(versions, BATCH)) {
        const created = part.filter((v) => v.version === 1).map(householdRow);
        const revised = part.filter((v) => v.version > 1).map(householdRow);
        if (created.length > 0) {
          const c = columnsOf(created);
          await sql`
            insert into households (id, akimat_kato, settlement_kato, book_number, account_number, address,
              status, current_version, head_name, updated_at)
            select * from unnest(${c.id}::uuid[], ${c.akimat_kato}::text[], ${c.settlement_kato}::text[],
              ${c.book_number}::text[], ${c.account_number}::text[], ${c.address}::text[], ${c.status}::text[],
              ${c.current_version}::int4[], ${c.head_name}::text[], ${c.updated_at}::timestamptz[])`.execute(
            db,
          );
        }
        if (revised.length > 0) {
          const r = columnsOf(revised);
          // Optimistic concurrency: each row moves only from the version this one follows.
          const updated = await sql<{ id: string }>`
            update households h set settlement_kato = u.settlement_kato, book_number = u.book_number,
              account_number = u.account_number, address = u.address, status = u.status,
              current_version = u.current_version, head_name = u.head_name, updated_at = u.updated_at
            from unnest(${r.id}::uuid[], ${r.settlement_kato}::text[], ${r.book_number}::text[],
              ${r.account_number}::text[], ${r.address}::text[], ${r.status}::text[], ${r.current_version}::int4[],
              ${r.head_name}::text[], ${r.updated_at}::timestamptz[])
              as u(id, settlement_kato, book_number, account_number, address, status, current_version, head_name,
                updated_at)
            where h.id = u.id and h.current_version = u.current_version - 1
            returning h.id`.execute(db);
          if (updated.rows.length !== revised.length) {
            const done = new Set(updated.rows.map((x) => x.id));
            throw new UseCaseError({
              code: 'HOUSEHOLD.CONFLICT',
              message: 'the household was changed by someone else; reload it and try again',
              details: { householdId: revised.find((x) => !done.has(x.id))?.id },
            });
          }
          // Only the member rows that differ are rewritten: a yearly re-upload usually changes counts, not
          // people, and every rewritten row costs the IIN-keyed unique index a write on a page of its own
          // (a full-page image after each checkpoint). The rows that go are all deleted before any is written
          // below: a person may move between households of the same file.
          const held = await sql<MemberRow>`
            select household_id, akimat_kato, iin, surname, name, patronymic, relation,
              to_char(joined_on, 'YYYY-MM-DD') as joined_on, to_char(left_on, 'YYYY-MM-DD') as left_on,
              household_open, full_name
            from household_members where household_id = any(${r.id}::uuid[])`.execute(db);
          const wanted = new Map<string, MemberRow>();
          for (const v of part) {
            if (v.version > 1) for (const m of rowsOf.get(v.householdId) ?? []) wanted.set(memberKey(m), m);
          }
          const stale: MemberRow[] = [];
          for (const x of held.rows) {
            const key = memberKey(x);
            // Every member row held is already in household_iin_index (never deleted), so only the pairs new
            // to their household are written there below.
            listedBefore.add(key);
            if (sameMemberRow(x, wanted.get(key))) unchanged.add(key);
            else stale.push(x);
          }
          if (stale.length > 0) {
            await sql`
              delete from household_members m
              using unnest(${stale.map((x) => x.household_id)}::uuid[], ${stale.map((x) => x.iin)}::bpchar[])
                as s(household_id, iin)
              where m.household_id = s.household_id and m.iin = s.iin`.execute(db);
          }
        }
      }
      for (const part of chunks(versions, BATCH)) {
        const v = columnsOf(part.map(versionRow));
        // The documents travel as one JSON array: a jsonb[] literal would have every quote escaped in JavaScript.
        await sql`
          insert into household_versions (household_id, version, change, recorded_on, recorded_at, recorded_by,
            reason, doc)
          select u.household_id, u.version, u.change, u.recorded_on, u.recorded_at, u.recorded_by, u.reason,
            d.doc::jsonb
          from unnest(${v.household_id}::uuid[], ${v.version}::int4[], ${v.change}::text[],
            ${v.recorded_on}::date[], ${v.recorded_at}::timestamptz[], ${v.recorded_by}::text[],
            ${v.reason}::text[])
            with ordinality u(household_id, version, change, recorded_on, recorded_at, recorded_by, reason, n)
          join json_array_elements(${`[${v.doc.join(',')}]`}::json) with ordinality d(doc, n) using (n)`.execute(
          db,
        );
      }
      const firstVersion = new Set(versions.filter((v) => v.version === 1).map((v) => v.householdId));
      const toWrite = [...rowsOf.values()].flat().filter((m) => !unchanged.has(memberKey(m)));
      for (const members of chunks(toWrite, BATCH * 4)) {
        const m = columnsOf(members);
        try {
          await sql`
            insert into household_members (household_id, akimat_kato, iin, surname, name, patronymic, relation,
              joined_on, left_on, household_open, full_name)
            select * from unnest(${m.household_id}::uuid[], ${m.akimat_kato}::text[], ${m.iin}::text[],
              ${m.surname}::text[], ${m.name}::text[], ${m.patronymic}::text[], ${m.relation}::text[],
              ${m.joined_on}::date[], ${m.left_on}::date[], ${m.household_open}::bool[], ${m.full_name}::text[])`.execute(
            db,
          );
        } catch (e) {
          if (isUniqueViolation(e, 'household_members_one_open_household')) {
            throw new UseCaseError({
              code: 'HOUSEHOLD.IIN_IN_OTHER_HOUSEHOLD',
              message: 'a member is already a current member of another open household',
            });
          }
          throw e;
        }
        // A new household's pairs are new; a revised one's may have been listed in an older version than the
        // one just replaced, hence ON CONFLICT for those few (the conflict check costs more than the insert).
        const fresh = members.filter((x) => !listedBefore.has(memberKey(x)));
        const brandNew = fresh.filter((x) => firstVersion.has(x.household_id));
        const maybeListed = fresh.filter((x) => !firstVersion.has(x.household_id));
        if (brandNew.length > 0) {
          await sql`
            insert into household_iin_index (iin, household_id)
            select * from unnest(${brandNew.map((x) => x.iin)}::text[], ${brandNew.map((x) => x.household_id)}::uuid[])`.execute(
            db,
          );
        }
        if (maybeListed.length > 0) {
          await sql`
            insert into household_iin_index (iin, household_id)
            select * from unnest(${maybeListed.map((x) => x.iin)}::text[],
              ${maybeListed.map((x) => x.household_id)}::uuid[])
            on conflict do nothing`.execute(db);
        }
      }
      for (const part of chunks(versions, BATCH)) {
        const ids = part.map((v) => v.householdId);
        if ((options.nameSearch ?? 'now') === 'now') {
          await syncNames(db, ids, part.flatMap(nameRows), true);
        } else {
          // Names gone or changed leave the search now (a delete costs the index nothing until vacuum); the new
          // ones are written by the name indexer after the commit. A new household has no names to remove.
          const revised = part.filter((v) => v.version > 1);
          await syncNames(
            db,
            revised.map((v) => v.householdId),
            revised.flatMap(nameRows),
            false,
          );
          await sql`insert into household_names_pending (household_id) select unnest(${ids}::uuid[])`.execute(
            db,
          );
        }
      }
    },

    async indexPendingNames(limit) {
      // One indexer at a time across instances: two syncing one household would race on its names' key.
      const lock = await sql<{ ok: boolean }>`
        select pg_try_advisory_xact_lock(${NAME_INDEXER_LOCK}::int8) as ok`.execute(db);
      if (!lock.rows[0]?.ok) return 0;
      const taken = await sql<{ household_id: string }>`
        delete from household_names_pending
        where seq in (select seq from household_names_pending order by seq limit ${limit})
        returning household_id`.execute(db);
      if (taken.rows.length === 0) return 0;
      await syncNames(db, [...new Set(taken.rows.map((r) => r.household_id))], undefined, true);
      return taken.rows.length;
    },

    async versionsOf(householdId) {
      const rows = await db
        .selectFrom('household_versions')
        .selectAll()
        .where('household_id', '=', householdId)
        .orderBy('version')
        .execute();
      return rows.map((r) => toVersion(r as VersionRow));
    },

    async latestVersions(householdIds) {
      const out = new Map<string, HouseholdVersion>();
      for (const part of chunks(householdIds, 5000)) {
        const rows = await sql<VersionRow>`
          select v.* from households h
          join household_versions v on v.household_id = h.id and v.version = h.current_version
          where h.id = any(${part}::uuid[])`.execute(db);
        for (const r of rows.rows) out.set(r.household_id, toVersion(r));
      }
      return out;
    },

    async versionsForIin(iin) {
      const rows = await db
        .selectFrom('household_versions as v')
        .innerJoin('household_iin_index as i', 'i.household_id', 'v.household_id')
        .selectAll('v')
        .where('i.iin', '=', iin)
        .orderBy('v.household_id')
        .orderBy('v.version')
        .execute();
      return rows.map((r) => toVersion(r as VersionRow));
    },

    async findSummary(householdId) {
      const row = await db
        .selectFrom('households as h')
        .select(summaryColumns)
        .where('h.id', '=', householdId)
        .executeTakeFirst();
      return row && toSummary(row);
    },

    async search(q: HouseholdQuery) {
      const prefix = significantPrefix(q.withinKato);
      if (!prefix) return [];
      const exactAkimat = prefix.length >= 6 ? q.withinKato : undefined;
      if (q.iin) {
        // Through household_iin_index (every household that ever listed the IIN) to the members' key: there is
        // no index on household_members.iin alone, which would cost every imported member one more random
        // page (migration 0021).
        let query = db
          .selectFrom('household_iin_index as i')
          .innerJoin('household_members as m', (j) =>
            j.onRef('m.household_id', '=', 'i.household_id').onRef('m.iin', '=', 'i.iin'),
          )
          .innerJoin('households as h', 'h.id', 'm.household_id')
          .select(summaryColumns)
          .select(
            sql<string>`m.surname || ' ' || m.name || coalesce(' ' || m.patronymic, '')`.as('matched_name'),
          )
          .where('i.iin', '=', q.iin)
          .where('h.akimat_kato', 'like', `${prefix}%`);
        if (q.status) query = query.where('h.status', '=', q.status);
        return (await query.limit(q.limit).offset(q.offset).execute()).map(toSummary);
      }
      if (q.name) {
        const key = nameKey(q.name);
        // word_similarity (<%) through the trigram index; a lower threshold than the default 0.6 so that one
        // or two wrong letters still match (Ахметов ~ Ахмедов).
        await sql`select set_config('pg_trgm.word_similarity_threshold', '0.45', true)`.execute(db);
        const distance = sql<number>`n.full_name <->> ${key}`;
        // household_names carries the trigram index and the name as written (ADR 0010). No join to the members:
        // it cost a district search 12 ms at p95, and a removed or renamed member's name is deleted from it in
        // the very transaction that removes the member.
        let nearest = db
          .selectFrom('household_names as n')
          .innerJoin('households as h', 'h.id', 'n.household_id')
          .select(summaryColumns)
          .select(['n.display_name as matched_name', 'n.full_name', distance.as('distance')])
          .where(sql<boolean>`${key} <% n.full_name`);
        // The akimat, or the KATO range of a wider territory: both descend the GiST index (akimat, name
        // trigrams), which a LIKE on the code could not (migrations 0018, 0019, 0022).
        nearest = exactAkimat
          ? nearest.where('n.akimat_kato', '=', exactAkimat)
          : nearest
              .where('n.akimat_kato', '>=', prefix.padEnd(9, '0'))
              .where('n.akimat_kato', '<=', prefix.padEnd(9, '9'));
        if (q.status) nearest = nearest.where('h.status', '=', q.status);
        // Nearest first (1 − word_similarity), which the index yields in order, so only the page asked for
        // is read — WITH TIES keeps every row as near as the last one, so ordering the tie by name below
        // gives the same pages as sorting every match would.
        const rows = await db
          .selectFrom(
            nearest
              .orderBy(distance)
              .fetch(q.offset + q.limit, 'with ties')
              .as('x'),
          )
          .selectAll()
          .orderBy('x.distance')
          .orderBy('x.full_name')
          .limit(q.limit)
          .offset(q.offset)
          .execute();
        return rows.map(toSummary);
      }
      let query = db
        .selectFrom('households as h')
        .select(summaryColumns)
        .where('h.akimat_kato', 'like', `${prefix}%`);
      if (q.address) {
        const words = q.address.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
        for (const w of words)
          query = query.where(sql<boolean>`lower(h.address) like ${`%${w.replace(/[\\%_]/g, '\\$&')}%`}`);
      }
      if (q.status) query = query.where('h.status', '=', q.status);
      return (
        await query
          .orderBy('h.akimat_kato')
          .orderBy('h.book_number')
          .orderBy('h.account_number')
          .limit(q.limit)
          .offset(q.offset)
          .execute()
      ).map(toSummary);
    },

    async openMemberships(iins) {
      const found: { iin: string; householdId: string }[] = [];
      for (const part of chunks(iins, 5000)) {
        if (part.length === 0) continue;
        // One array parameter rather than thousands: the partial unique index answers it.
        const rows = await sql<{ iin: string; household_id: string }>`
          select iin, household_id from household_members
          where iin = any(${part}::bpchar[]) and household_open and left_on is null`.execute(db);
        for (const r of rows.rows) found.push({ iin: r.iin, householdId: r.household_id });
      }
      return found;
    },

    async findIdByAccount(akimatKato, bookNumber, accountNumber) {
      const row = await db
        .selectFrom('households')
        .select('id')
        .where('akimat_kato', '=', akimatKato)
        .where('book_number', '=', bookNumber)
        .where('account_number', '=', accountNumber)
        .executeTakeFirst();
      return row?.id;
    },

    async accountsOf(akimatKato) {
      const rows = await db
        .selectFrom('households')
        .select(['id', 'book_number', 'account_number'])
        .where('akimat_kato', '=', akimatKato)
        .execute();
      return new Map(rows.map((r) => [`${r.book_number}\u0000${r.account_number}`, r.id]));
    },

    async currentVersions(akimatKato, afterId, pageSize) {
      let q = db
        .selectFrom('households as h')
        .innerJoin('household_versions as v', (j) =>
          j.onRef('v.household_id', '=', 'h.id').onRef('v.version', '=', 'h.current_version'),
        )
        .selectAll('v')
        .where('h.akimat_kato', '=', akimatKato);
      if (afterId) q = q.where('h.id', '>', afterId);
      const rows = await q.orderBy('h.id').limit(pageSize).execute();
      return rows.map((r) => toVersion(r as VersionRow));
    },
  };
}

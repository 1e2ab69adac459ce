/**
 * The floor under the import figure (issue 4 item 6): the rows an import of new households writes — the same
 * households, versions, members, IIN-index pairs and name-queue rows — put into the same tables, with the same
 * indexes and constraints, by the cheapest statement PostgreSQL has: `INSERT … SELECT` from temporary tables
 * filled beforehand (untimed). No file, no parsing, no validation, no parameters, no Node: what is left is the
 * price of the writes themselves on this book and this machine. Rolled back, so the book keeps its size.
 *
 * When the floor is below the budget, no import code can reach the budget on this machine with this schema;
 * the ratio import ÷ floor says how much of the import's time is ours.
 */
import { sql } from 'kysely';
import {
  householdRow,
  memberRows,
  versionRow,
} from '../../src/adapters/db/repositories/households.repository';
import type { Household } from '../../src/domain/household/household';
import type { HouseholdVersion } from '../../src/domain/household/versions';
import type { BenchContext } from '../lib/scenario';

export interface FloorRun {
  readonly seconds: number;
  /** Milliseconds per statement, in the order they run (as the import writes them). */
  readonly statementMs: Record<string, number>;
  readonly members: number;
}

/** A CHECKPOINT, so that every run starts from the same WAL state (a page's first change after a checkpoint
 * writes the whole page to the WAL). PostgreSQL only; the bench connects as a superuser. */
export async function checkpoint(ctx: BenchContext): Promise<void> {
  if (ctx.kind === 'postgres') await sql`checkpoint`.execute(ctx.db.kysely);
}

class RollBack extends Error {}

export async function writeFloor(
  ctx: BenchContext,
  households: readonly Household[],
  reason: string,
): Promise<FloorRun> {
  const now = new Date().toISOString();
  const versions: HouseholdVersion[] = households.map((household) => ({
    householdId: ctx.deps.ids.timeOrderedUuid(),
    version: 1,
    change: 'imported',
    recordedOn: ctx.asOf as HouseholdVersion['recordedOn'],
    recordedAt: now,
    recordedBy: 'system',
    reason,
    household,
  }));
  const h = versions.map(householdRow);
  const v = versions.map(versionRow);
  const m = versions.flatMap(memberRows);
  const statementMs: Record<string, number> = {};
  let seconds = 0;
  try {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      // Staging, untimed: the rows as the import would hand them to PostgreSQL.
      await sql`
        create temp table floor_households on commit drop as
        select * from unnest(${h.map((x) => x.id)}::uuid[], ${h.map((x) => x.akimat_kato)}::text[],
          ${h.map((x) => x.settlement_kato)}::text[], ${h.map((x) => x.book_number)}::text[],
          ${h.map((x) => x.account_number)}::text[], ${h.map((x) => x.address)}::text[],
          ${h.map((x) => x.status)}::text[], ${h.map((x) => x.current_version)}::int4[],
          ${h.map((x) => x.head_name)}::text[], ${h.map((x) => x.updated_at)}::timestamptz[])
          as u(id, akimat_kato, settlement_kato, book_number, account_number, address, status, current_version,
            head_name, updated_at)`.execute(trx);
      await sql`
        create temp table floor_versions on commit drop as
        select u.*, d.doc::jsonb as doc
        from unnest(${v.map((x) => x.household_id)}::uuid[], ${v.map((x) => x.version)}::int4[],
          ${v.map((x) => x.change)}::text[], ${v.map((x) => x.recorded_on)}::date[],
          ${v.map((x) => x.recorded_at)}::timestamptz[], ${v.map((x) => x.recorded_by)}::text[],
          ${v.map((x) => x.reason)}::text[])
          with ordinality u(household_id, version, change, recorded_on, recorded_at, recorded_by, reason, n)
        join json_array_elements(${`[${v.map((x) => x.doc).join(',')}]`}::json) with ordinality d(doc, n) using (n)`.execute(
        trx,
      );
      await sql`
        create temp table floor_members on commit drop as
        select * from unnest(${m.map((x) => x.household_id)}::uuid[], ${m.map((x) => x.akimat_kato)}::text[],
          ${m.map((x) => x.iin)}::text[], ${m.map((x) => x.surname)}::text[], ${m.map((x) => x.name)}::text[],
          ${m.map((x) => x.patronymic)}::text[], ${m.map((x) => x.relation)}::text[],
          ${m.map((x) => x.joined_on)}::date[], ${m.map((x) => x.left_on)}::date[],
          ${m.map((x) => x.household_open)}::bool[], ${m.map((x) => x.full_name)}::text[])
          as u(household_id, akimat_kato, iin, surname, name, patronymic, relation, joined_on, left_on,
            household_open, full_name)`.execute(trx);
      const statements = {
        households: sql`insert into households (id, akimat_kato, settlement_kato, book_number, account_number,
          address, status, current_version, head_name, updated_at) select * from floor_households`,
        versions: sql`insert into household_versions (household_id, version, change, recorded_on, recorded_at,
          recorded_by, reason, doc)
          select household_id, version, change, recorded_on, recorded_at, recorded_by, reason, doc
          from floor_versions`,
        members: sql`insert into household_members (household_id, akimat_kato, iin, surname, name, patronymic,
          relation, joined_on, left_on, household_open, full_name) select * from floor_members`,
        iinIndex: sql`insert into household_iin_index (iin, household_id) select iin, household_id from floor_members`,
        nameQueue: sql`insert into household_names_pending (household_id) select id from floor_households`,
      };
      const started = performance.now();
      for (const [name, statement] of Object.entries(statements)) {
        const t0 = performance.now();
        await statement.execute(trx);
        statementMs[name] = Math.round((performance.now() - t0) * 10) / 10;
      }
      seconds = (performance.now() - started) / 1000;
      throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  return { seconds, statementMs, members: m.length };
}

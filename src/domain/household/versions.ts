/**
 * History of the household book (issue 4): every change is a new, complete version saying who made it,
 * when and why; nothing is overwritten, so the book can be read as it stood on any past day and a
 * closed household keeps its whole history. Versions are append-only and never back-dated: a correction
 * is a new version made on the day of the correction, with the correction as its reason.
 *
 * Two kinds of dates meet here. `recordedOn` is when the book said something (transaction time);
 * members' `joinedOn`/`leftOn` and `closedOn` are facts the book records (valid time). Reading the book
 * "as of" a day takes the last version recorded by that day, then asks that version about that day.
 */
import { compareDates, type PlainDate } from '../shared/plain-date';
import { err, ok, type Result } from '../shared/result';
import { type Household, isMemberOn, totalAreaHa, type YearlyRecord } from './household';
import type { SpeciesCatalogue } from './species';
import { validateHousehold } from './validation';

export interface ChangeMeta {
  /** The civil date of the change in Asia/Almaty, converted once at the edge. */
  readonly recordedOn: PlainDate;
  /** The instant (ISO 8601) for the audit trail. */
  readonly recordedAt: string;
  /** The user who made the change. */
  readonly recordedBy: string;
  /** Why: required for every change, shown in the history. */
  readonly reason: string;
}

export type ChangeKind = 'created' | 'edited' | 'imported' | 'closed' | 'reopened';

export interface HouseholdVersion extends ChangeMeta {
  readonly householdId: string;
  /** 1, 2, 3 … without gaps. */
  readonly version: number;
  readonly change: ChangeKind;
  /** The complete state after the change. */
  readonly household: Household;
}

export interface ChangeContext {
  readonly species: SpeciesCatalogue;
  /** IINs that are current members of other open households (see `ValidationContext`). */
  readonly openIinsElsewhere?: { has(iin: string): boolean };
}

export const VERSION_ERROR_CODES = [
  'HOUSEHOLD.INVALID',
  'HOUSEHOLD.NO_HISTORY',
  'HOUSEHOLD.BACKDATED_CHANGE',
  'HOUSEHOLD.MISSING_REASON',
  'HOUSEHOLD.CLOSED',
  'HOUSEHOLD.ALREADY_CLOSED',
  'HOUSEHOLD.NOT_CLOSED',
  'HOUSEHOLD.AKIMAT_CHANGE',
  'HOUSEHOLD.NO_CHANGE',
] as const;

export function latestVersion(versions: readonly HouseholdVersion[]): HouseholdVersion | undefined {
  let latest: HouseholdVersion | undefined;
  for (const v of versions) if (latest === undefined || v.version > latest.version) latest = v;
  return latest;
}

/**
 * The book as it stood at the end of `date`: the last version recorded on or before that day, or
 * undefined when the household was not yet in the book. Versions may come in any order.
 */
export function householdAsOf(
  versions: readonly HouseholdVersion[],
  date: PlainDate,
): HouseholdVersion | undefined {
  let found: HouseholdVersion | undefined;
  for (const v of versions) {
    if (compareDates(v.recordedOn, date) <= 0 && (found === undefined || v.version > found.version))
      found = v;
  }
  return found;
}

/** IINs the household holds while open: the people for whom it is "the" household (one at a time). */
export function openMemberIins(household: Household, date: PlainDate): string[] {
  if (household.status !== 'open') return [];
  return household.members.filter((m) => isMemberOn(m, date)).map((m) => m.iin);
}

function checkMeta(meta: ChangeMeta): Result<null> {
  if (meta.reason.trim() === '' || meta.recordedBy.trim() === '') {
    return err('HOUSEHOLD.MISSING_REASON', 'every change says who made it and why');
  }
  return ok(null);
}

function validated(household: Household, meta: ChangeMeta, ctx: ChangeContext): Result<Household> {
  const errors = validateHousehold(household, { ...ctx, today: meta.recordedOn });
  return errors.length === 0
    ? ok(household)
    : err('HOUSEHOLD.INVALID', 'the household has errors', { errors });
}

function next(
  history: readonly HouseholdVersion[],
  meta: ChangeMeta,
): Result<{ last: HouseholdVersion; version: number }> {
  const last = latestVersion(history);
  if (last === undefined) return err('HOUSEHOLD.NO_HISTORY', 'no version to change');
  const m = checkMeta(meta);
  if (!m.ok) return m;
  if (compareDates(meta.recordedOn, last.recordedOn) < 0) {
    return err('HOUSEHOLD.BACKDATED_CHANGE', 'a change cannot be recorded before the previous one', {
      previous: last.recordedOn,
    });
  }
  return ok({ last, version: last.version + 1 });
}

/** Version 1. A household enters the book open; `change` is `imported` when it came from a file. */
export function createHousehold(
  householdId: string,
  household: Household,
  meta: ChangeMeta,
  ctx: ChangeContext,
  change: 'created' | 'imported' = 'created',
): Result<HouseholdVersion> {
  const m = checkMeta(meta);
  if (!m.ok) return m;
  if (household.status !== 'open') return err('HOUSEHOLD.CLOSED', 'a household enters the book open');
  const v = validated(household, meta, ctx);
  if (!v.ok) return v;
  return ok({ householdId, version: 1, change, household: v.value, ...meta });
}

/** Any edit: members, address, a yearly record or a change during the year. A closed household is read-only. */
export function reviseHousehold(
  history: readonly HouseholdVersion[],
  household: Household,
  meta: ChangeMeta,
  ctx: ChangeContext,
  change: 'edited' | 'imported' = 'edited',
): Result<HouseholdVersion> {
  const n = next(history, meta);
  if (!n.ok) return n;
  const { last, version } = n.value;
  if (last.household.status === 'closed')
    return err('HOUSEHOLD.CLOSED', 'reopen the household before changing it');
  if (household.status !== 'open') return err('HOUSEHOLD.CLOSED', 'use closeHousehold to close');
  // The akimat owns the book: moving a household to another akimat is not an edit of this one.
  if (household.akimatKato !== last.household.akimatKato) {
    return err('HOUSEHOLD.AKIMAT_CHANGE', 'a household stays in the book of its akimat');
  }
  if (sameHousehold(last.household, household)) return err('HOUSEHOLD.NO_CHANGE', 'nothing changed');
  const v = validated(household, meta, ctx);
  if (!v.ok) return v;
  return ok({ householdId: last.householdId, version, change, household: v.value, ...meta });
}

/** The household no longer runs a PSF from `closedOn`; its members and records stay as they were. */
export function closeHousehold(
  history: readonly HouseholdVersion[],
  closedOn: PlainDate,
  meta: ChangeMeta,
  ctx: ChangeContext,
): Result<HouseholdVersion> {
  const n = next(history, meta);
  if (!n.ok) return n;
  const { last, version } = n.value;
  if (last.household.status === 'closed') return err('HOUSEHOLD.ALREADY_CLOSED', 'already closed');
  const household: Household = { ...last.household, status: 'closed', closedOn, closeReason: meta.reason };
  const v = validated(household, meta, ctx);
  if (!v.ok) return v;
  return ok({ householdId: last.householdId, version, change: 'closed', household: v.value, ...meta });
}

/** Undoes a closing made in error; members must not have joined another open household meanwhile. */
export function reopenHousehold(
  history: readonly HouseholdVersion[],
  meta: ChangeMeta,
  ctx: ChangeContext,
): Result<HouseholdVersion> {
  const n = next(history, meta);
  if (!n.ok) return n;
  const { last, version } = n.value;
  if (last.household.status !== 'closed') return err('HOUSEHOLD.NOT_CLOSED', 'the household is open');
  const { closedOn: _closedOn, closeReason: _closeReason, ...rest } = last.household;
  const v = validated({ ...rest, status: 'open' }, meta, ctx);
  if (!v.ok) return v;
  return ok({ householdId: last.householdId, version, change: 'reopened', household: v.value, ...meta });
}

/** Structural equality of two plain values (key order and absent-vs-undefined do not matter). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const defined = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined);
  const ea = defined(a);
  const eb = new Map(defined(b));
  return ea.length === eb.size && ea.every(([k, v]) => eb.has(k) && deepEqual(v, eb.get(k)));
}

export function sameHousehold(a: Household, b: Household): boolean {
  return deepEqual(a, b);
}

export type HouseholdChange =
  | {
      readonly kind: 'field';
      readonly field: 'bookNumber' | 'accountNumber' | 'settlementKato' | 'address' | 'status' | 'closedOn';
      readonly from: string | undefined;
      readonly to: string | undefined;
    }
  | { readonly kind: 'member-added' | 'member-removed'; readonly iin: string }
  | { readonly kind: 'member-changed'; readonly iin: string; readonly fields: readonly string[] }
  | { readonly kind: 'year-added' | 'year-removed'; readonly referenceYear: number }
  | {
      readonly kind: 'land-changed';
      readonly referenceYear: number;
      readonly fromHa: number;
      readonly toHa: number;
    }
  | {
      readonly kind: 'livestock-changed';
      readonly referenceYear: number;
      readonly species: string;
      readonly from: number;
      readonly to: number;
    }
  | { readonly kind: 'machinery-changed'; readonly referenceYear: number };

const sumArea = (r: YearlyRecord) => totalAreaHa(r.landPlots);

/** What a version changed against the one before it, for the history view; `prev` undefined for version 1. */
export function householdChanges(prev: Household | undefined, nextHousehold: Household): HouseholdChange[] {
  const out: HouseholdChange[] = [];
  const before = prev;
  const after = nextHousehold;
  const fields = ['bookNumber', 'accountNumber', 'settlementKato', 'address', 'status', 'closedOn'] as const;
  for (const field of fields) {
    if (before?.[field] !== after[field])
      out.push({ kind: 'field', field, from: before?.[field], to: after[field] });
  }
  const oldMembers = new Map((before?.members ?? []).map((m) => [m.iin, m]));
  const newIins = new Set(after.members.map((m) => m.iin));
  for (const m of after.members) {
    const old = oldMembers.get(m.iin);
    if (old === undefined) {
      out.push({ kind: 'member-added', iin: m.iin });
      continue;
    }
    const keys = ['surname', 'name', 'patronymic', 'relation', 'joinedOn', 'leftOn'] as const;
    const changed = keys.filter((k) => old[k] !== m[k]);
    if (changed.length > 0) out.push({ kind: 'member-changed', iin: m.iin, fields: changed });
  }
  for (const iin of oldMembers.keys()) if (!newIins.has(iin)) out.push({ kind: 'member-removed', iin });

  const oldYears = new Map((before?.yearlyRecords ?? []).map((r) => [r.referenceYear, r]));
  const newYears = new Set(after.yearlyRecords.map((r) => r.referenceYear));
  for (const r of after.yearlyRecords) {
    const old = oldYears.get(r.referenceYear);
    if (old === undefined) {
      out.push({ kind: 'year-added', referenceYear: r.referenceYear });
      continue;
    }
    if (!deepEqual(old.landPlots, r.landPlots)) {
      out.push({
        kind: 'land-changed',
        referenceYear: r.referenceYear,
        fromHa: sumArea(old),
        toHa: sumArea(r),
      });
    }
    const codes = new Set([...Object.keys(old.livestock), ...Object.keys(r.livestock)]);
    for (const species of codes) {
      const from = old.livestock[species] ?? 0;
      const to = r.livestock[species] ?? 0;
      if (from !== to)
        out.push({ kind: 'livestock-changed', referenceYear: r.referenceYear, species, from, to });
    }
    if (!deepEqual(old.machinery, r.machinery)) {
      out.push({ kind: 'machinery-changed', referenceYear: r.referenceYear });
    }
  }
  for (const year of oldYears.keys())
    if (!newYears.has(year)) out.push({ kind: 'year-removed', referenceYear: year });
  return out;
}

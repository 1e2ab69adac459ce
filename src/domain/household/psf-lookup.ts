/**
 * The lookup behind every certificate and refusal ground 2 (R-6 §16: "the akimat's household
 * book has no record of a PSF for the applicant").
 *
 * A person HAS A PSF on day D when the household book, as it stood at the end of D, holds a household
 * that (1) is open, (2) lists the person as a member on D (joined on or before D, not yet left), and
 * (3) has a yearly record for a reference year not after D's year (4) that shows some land or at least
 * one animal. The certificate then shows that household with the latest such record and its year.
 * A person is a current member of at most one open household (enforced on every change); if the data
 * nevertheless hold two, the lookup reports a conflict for an officer to resolve instead of guessing.
 */
import type { PlainDate } from '../shared/plain-date';
import {
  type Household,
  isMemberOn,
  headOn,
  keepsAnything,
  LAND_PURPOSES,
  type LandPurpose,
  type Machine,
  type Member,
  totalAreaHa,
  type YearlyRecord,
  yearlyRecordFor,
} from './household';
import type { SpeciesCatalogue, SpeciesUnit } from './species';
import { type HouseholdVersion, householdAsOf } from './versions';

/** Why there is no record, from the least to the most advanced failure; a refusal states it as its facts. */
export const NO_RECORD_REASONS = [
  'NOT_IN_BOOK',
  'NOT_A_MEMBER_ON_DATE',
  'HOUSEHOLD_CLOSED',
  'NO_YEARLY_RECORD',
  'NOTHING_KEPT',
] as const;
export type NoRecordReason = (typeof NO_RECORD_REASONS)[number];

export interface PsfRecord {
  readonly householdId: string;
  /** The version read: a certificate cites it, so a later correction can be traced. */
  readonly version: number;
  readonly household: Household;
  readonly member: Member;
  readonly head: Member | undefined;
  readonly yearlyRecord: YearlyRecord;
}

export interface NoRecordFacts {
  readonly householdId?: string;
  readonly bookNumber?: string;
  readonly accountNumber?: string;
  readonly joinedOn?: PlainDate;
  readonly leftOn?: PlainDate;
  readonly closedOn?: PlainDate;
  readonly referenceYear?: number;
}

export type PsfLookup =
  | { readonly kind: 'found'; readonly record: PsfRecord }
  | { readonly kind: 'no-record'; readonly reason: NoRecordReason; readonly facts: NoRecordFacts }
  | { readonly kind: 'conflict'; readonly householdIds: readonly string[] };

/**
 * `versions`: all versions of every household that has ever listed `iin` (the repository finds them by
 * the member IIN index); versions of other households are harmless. `asOf`: the civil day of the request.
 */
export function findPsfRecord(
  versions: readonly HouseholdVersion[],
  iin: string,
  asOf: PlainDate,
): PsfLookup {
  const byHousehold = new Map<string, HouseholdVersion[]>();
  for (const v of versions) {
    const list = byHousehold.get(v.householdId);
    if (list) list.push(v);
    else byHousehold.set(v.householdId, [v]);
  }

  const found: PsfRecord[] = [];
  let best: { rank: number; reason: NoRecordReason; facts: NoRecordFacts } = {
    rank: 0,
    reason: 'NOT_IN_BOOK',
    facts: {},
  };
  const miss = (rank: number, facts: NoRecordFacts) => {
    if (rank > best.rank) best = { rank, reason: NO_RECORD_REASONS[rank]!, facts };
  };

  for (const [householdId, history] of byHousehold) {
    const v = householdAsOf(history, asOf);
    if (v === undefined) continue;
    const h = v.household;
    const member = h.members.find((m) => m.iin === iin);
    if (member === undefined) continue;
    const where = { householdId, bookNumber: h.bookNumber, accountNumber: h.accountNumber };
    if (!isMemberOn(member, asOf)) {
      miss(1, { ...where, joinedOn: member.joinedOn, ...(member.leftOn ? { leftOn: member.leftOn } : {}) });
      continue;
    }
    if (h.status !== 'open') {
      miss(2, { ...where, ...(h.closedOn ? { closedOn: h.closedOn } : {}) });
      continue;
    }
    const record = yearlyRecordFor(h, asOf);
    if (record === undefined) {
      miss(3, where);
      continue;
    }
    if (!keepsAnything(record)) {
      miss(4, { ...where, referenceYear: record.referenceYear });
      continue;
    }
    found.push({
      householdId,
      version: v.version,
      household: h,
      member,
      head: headOn(h, asOf),
      yearlyRecord: record,
    });
  }

  const [only, ...others] = found;
  if (only !== undefined && others.length === 0) return { kind: 'found', record: only };
  if (only !== undefined) return { kind: 'conflict', householdIds: found.map((r) => r.householdId).sort() };
  return { kind: 'no-record', reason: best.reason, facts: best.facts };
}

export interface FarmSummary {
  readonly referenceYear: number;
  /** One line per purpose present, in the order of `LAND_PURPOSES`. */
  readonly land: readonly {
    readonly purpose: LandPurpose;
    readonly areaHa: number;
    readonly plots: number;
    readonly cadastralNumbers: readonly string[];
  }[];
  readonly totalAreaHa: number;
  /** Species with a count above zero, in the catalogue's order; "of which" lines carry their parent. */
  readonly livestock: readonly {
    readonly code: string;
    readonly kk: string;
    readonly ru: string;
    readonly parent: string | null;
    readonly unit: SpeciesUnit;
    readonly count: number;
  }[];
  readonly machinery: readonly Machine[];
}

/** What a certificate prints about the farm: land by purpose and animals by species. */
export function summarizeFarm(record: YearlyRecord, species: SpeciesCatalogue): FarmSummary {
  const land = LAND_PURPOSES.flatMap((purpose) => {
    const plots = record.landPlots.filter((p) => p.purpose === purpose);
    if (plots.length === 0) return [];
    const cadastralNumbers = plots.flatMap((p) => (p.cadastralNumber ? [p.cadastralNumber] : []));
    return [{ purpose, areaHa: totalAreaHa(plots), plots: plots.length, cadastralNumbers }];
  });
  const livestock = species.list.flatMap((s) => {
    const count = record.livestock[s.code] ?? 0;
    return count > 0 ? [{ code: s.code, kk: s.kk, ru: s.ru, parent: s.parent, unit: s.unit, count }] : [];
  });
  return {
    referenceYear: record.referenceYear,
    land,
    totalAreaHa: totalAreaHa(record.landPlots),
    livestock,
    machinery: record.machinery,
  };
}

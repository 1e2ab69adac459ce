/**
 * The household book (шаруашылық кітабы / похозяйственная книга) as the akimat keeps it:
 * one personal account per household, with its members and one record a year, as of 1 January, of the
 * land it uses and the animals it keeps. These are plain values; history lives in `versions.ts`.
 */
import { parseIin, type Sex } from '../iin/iin';
import { compareDates, type PlainDate } from '../shared/plain-date';

export const LAND_PURPOSES = ['homestead', 'garden', 'hayfield', 'pasture', 'other'] as const;
export type LandPurpose = (typeof LAND_PURPOSES)[number];

/** Relation to the head of the household, as the book's list of members records it. */
export const RELATIONS = [
  'head',
  'spouse',
  'child',
  'child_in_law',
  'grandchild',
  'parent',
  'parent_in_law',
  'grandparent',
  'sibling',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];

export type HouseholdStatus = 'open' | 'closed';

export interface Member {
  /** Sex and birth date are not stored: they are read from the IIN (`memberFacts`). */
  readonly iin: string;
  readonly surname: string;
  readonly name: string;
  /** Not everyone has one; when present it is written as the identity card has it. */
  readonly patronymic?: string;
  readonly relation: Relation;
  /** First day as a member (inclusive). */
  readonly joinedOn: PlainDate;
  /** The day the person left (exclusive): from this day on they are no longer a member. */
  readonly leftOn?: PlainDate;
}

export interface LandPlot {
  readonly purpose: LandPurpose;
  /** Hectares, at most four decimals (1 m²). */
  readonly areaHa: number;
  readonly cadastralNumber?: string;
}

export interface Machine {
  readonly description: string;
  readonly count: number;
}

/** The state of the farm as of 1 January of `referenceYear`, corrected by later versions during the year. */
export interface YearlyRecord {
  readonly referenceYear: number;
  readonly landPlots: readonly LandPlot[];
  /** Count by species code; a code that is absent counts as zero. Parent totals are stored, not derived. */
  readonly livestock: Readonly<Record<string, number>>;
  readonly machinery: readonly Machine[];
}

export interface Household {
  /** Book number and personal account number identify the household inside its akimat's book. */
  readonly bookNumber: string;
  readonly accountNumber: string;
  /** KATO of the rural akimat that keeps the book. */
  readonly akimatKato: string;
  /** KATO of the settlement where the household lives, on the akimat's territory (or the akimat's own code). */
  readonly settlementKato: string;
  readonly address: string;
  readonly status: HouseholdStatus;
  /** Set when `status` is `closed`: the household no longer runs a PSF from this day. */
  readonly closedOn?: PlainDate;
  readonly closeReason?: string;
  readonly members: readonly Member[];
  readonly yearlyRecords: readonly YearlyRecord[];
}

/** A member is current on `date` when they had joined and not yet left. */
export function isMemberOn(member: Member, date: PlainDate): boolean {
  return (
    compareDates(member.joinedOn, date) <= 0 &&
    (member.leftOn === undefined || compareDates(date, member.leftOn) < 0)
  );
}

export function membersOn(household: Household, date: PlainDate): readonly Member[] {
  return household.members.filter((m) => isMemberOn(m, date));
}

export function headOn(household: Household, date: PlainDate): Member | undefined {
  return household.members.find((m) => m.relation === 'head' && isMemberOn(m, date));
}

/** Birth date and sex as the IIN says; undefined for an IIN that does not parse (validation reports it). */
export function memberFacts(member: Member): { birthDate: PlainDate; sex: Sex } | undefined {
  const parsed = parseIin(member.iin);
  return parsed.ok ? { birthDate: parsed.value.birthDate, sex: parsed.value.sex } : undefined;
}

/** The record a reader on `date` relies on: the latest reference year not after the date's year. */
export function yearlyRecordFor(household: Household, date: PlainDate): YearlyRecord | undefined {
  const year = Number(date.slice(0, 4));
  let best: YearlyRecord | undefined;
  for (const r of household.yearlyRecords) {
    if (r.referenceYear <= year && (best === undefined || r.referenceYear > best.referenceYear)) best = r;
  }
  return best;
}

/** Areas are summed in whole square metres so that 0.1 + 0.2 gives 0.3 ha, not 0.30000000000000004. */
export function totalAreaHa(plots: readonly LandPlot[]): number {
  return plots.reduce((sum, p) => sum + Math.round(p.areaHa * 10_000), 0) / 10_000;
}

/** True when the record shows a farm at all: some land or at least one animal. */
export function keepsAnything(record: YearlyRecord): boolean {
  return record.landPlots.length > 0 || Object.values(record.livestock).some((n) => n > 0);
}

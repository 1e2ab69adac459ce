/**
 * the reporting periods — a month, a quarter or a year of civil days in Asia/Almaty. A period that has
 * not begun is an error (there is nothing to report); the current period is reported as it stands.
 */
import { DEFAULT_TIME_ZONE, fromCivil } from '../calendar/civil-time';
import { compareDates, type PlainDate, plainDate } from '../shared/plain-date';
import { err, ok, type Result } from '../shared/result';

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  /** 1..12 for a month, 1..4 for a quarter, 1 for a year. */
  readonly index: number;
}

/** A period's civil days, `to` exclusive, and the same bounds as instants. */
export interface PeriodRange {
  readonly from: PlainDate;
  readonly to: PlainDate;
  readonly fromMs: number;
  readonly toMs: number;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2999;

const PATTERN = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$/;

/** `2025` (a year), `2025-Q1` (a quarter), `2025-03` (a month). */
export function parsePeriod(text: string): Result<Period> {
  const m = PATTERN.exec(text.trim());
  if (!m) {
    return err('KPI.BAD_PERIOD', 'a period is YYYY, YYYY-Qn or YYYY-MM', { value: text });
  }
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return err('KPI.BAD_PERIOD', `the year must be within ${MIN_YEAR}..${MAX_YEAR}`, { value: text });
  }
  if (m[2] !== undefined) return ok({ kind: 'month', year, index: Number(m[2]) });
  if (m[3] !== undefined) return ok({ kind: 'quarter', year, index: Number(m[3]) });
  return ok({ kind: 'year', year, index: 1 });
}

export function formatPeriod(p: Period): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter') return `${p.year}-Q${p.index}`;
  return `${p.year}-${String(p.index).padStart(2, '0')}`;
}

function firstMonth(p: Period): number {
  return p.kind === 'month' ? p.index : p.kind === 'quarter' ? (p.index - 1) * 3 + 1 : 1;
}

const MONTHS: Readonly<Record<PeriodKind, number>> = { month: 1, quarter: 3, year: 12 };

export function periodRange(p: Period, timeZone: string = DEFAULT_TIME_ZONE): PeriodRange {
  const start = firstMonth(p);
  const endMonth = start + MONTHS[p.kind];
  const from = plainDate(p.year, start, 1);
  const to = endMonth > 12 ? plainDate(p.year + 1, endMonth - 12, 1) : plainDate(p.year, endMonth, 1);
  return { from, to, fromMs: fromCivil(from, 0, timeZone), toMs: fromCivil(to, 0, timeZone) };
}

/** The period of a kind that contains a day. */
export function periodOf(kind: PeriodKind, day: PlainDate): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (kind === 'year') return { kind, year, index: 1 };
  if (kind === 'quarter') return { kind, year, index: Math.floor((month - 1) / 3) + 1 };
  return { kind, year, index: month };
}

/** The period before: a month before a month, a quarter before a quarter, a year before a year (trends). */
export function previousPeriod(p: Period): Period {
  const count = p.kind === 'month' ? 12 : p.kind === 'quarter' ? 4 : 1;
  if (p.index > 1) return { ...p, index: p.index - 1 };
  return { kind: p.kind, year: p.year - 1, index: count };
}

/**
 * The period as asked, or `KPI.PERIOD_IN_FUTURE` when it begins after `today` (the civil day now).
 * The current period is allowed: it is reported up to now.
 */
export function checkPeriodNotFuture(p: Period, today: PlainDate): Result<Period> {
  const { from } = periodRange(p);
  if (compareDates(from, today) > 0) {
    return err('KPI.PERIOD_IN_FUTURE', 'the period has not begun yet', { period: formatPeriod(p), today });
  }
  return ok(p);
}

export function containsDay(r: PeriodRange, day: PlainDate): boolean {
  return day >= r.from && day < r.to;
}

export function containsMs(r: PeriodRange, ms: number): boolean {
  return ms >= r.fromMs && ms < r.toMs;
}

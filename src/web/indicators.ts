/**
 * Issue 8: what the indicator pages share — the API's answer types, periods as the API writes them, and
 * the unit one level up (for the "up" link) when the reader may see it.
 */
import type { Role } from '../domain/access/roles';
import type { IndicatorCode } from '../domain/kpi/indicators';
import { districtOf, isKatoCode, isWithin, oblastOf } from '../domain/territory/kato-code';

export type Rating = 'green' | 'amber' | 'red' | 'no_data';
export type Level = 'office' | 'district' | 'oblast' | 'country';
export type PeriodKind = 'month' | 'quarter' | 'year';
export interface Named {
  readonly kk: string;
  readonly ru: string;
}

export interface IndicatorCell {
  readonly code: IndicatorCode;
  readonly direction: 'floor' | 'ceiling';
  readonly normative: number;
  readonly normativeText: string;
  readonly target: number | null;
  readonly targetNextYear: number | null;
  readonly value: {
    readonly kind: 'value' | 'no_data';
    readonly numerator: number;
    readonly denominator: number;
    readonly percent: number | null;
  };
  readonly rating: Rating;
}

export interface IndicatorRow {
  readonly level: Level;
  readonly key: string;
  readonly name: Named | null;
  readonly indicators: readonly IndicatorCell[];
}

export interface IndicatorTable {
  readonly period: string;
  readonly level: Level;
  readonly within: { readonly level: Level; readonly key: string; readonly name: Named | null };
  readonly total: IndicatorRow;
  readonly rows: readonly IndicatorRow[];
}

export interface IndicatorRecord {
  readonly type: 'application' | 'document' | 'ticket' | 'complaint' | 'survey';
  readonly id: string;
  readonly office: { readonly key: string | null; readonly name: Named | null };
  readonly reason: string;
  readonly [field: string]: unknown;
}

export interface IndicatorRecords {
  readonly period: string;
  readonly code: IndicatorCode;
  readonly within: { readonly level: Level; readonly key: string; readonly name: Named | null };
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly records: readonly IndicatorRecord[];
}

export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  readonly index: number;
}

export function parsePeriodText(text: string | null): Period | null {
  const m = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$/.exec(text ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'month', year, index: Number(m[2]) };
  if (m[3]) return { kind: 'quarter', year, index: Number(m[3]) };
  return { kind: 'year', year, index: 1 };
}

export function periodText(p: Period): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter') return `${p.year}-Q${p.index}`;
  return `${p.year}-${String(p.index).padStart(2, '0')}`;
}

export function previous(p: Period): Period {
  const count = p.kind === 'month' ? 12 : p.kind === 'quarter' ? 4 : 1;
  return p.index > 1 ? { ...p, index: p.index - 1 } : { kind: p.kind, year: p.year - 1, index: count };
}

/** The month before the given one (the default period: the last complete month). */
export function lastMonth(year: number, month: number): Period {
  return previous({ kind: 'month', year, index: month });
}

/** The periods of a trend: `count` periods ending with `p`, oldest first. */
export function trendPeriods(p: Period, count: number): Period[] {
  const out = [p];
  while (out.length < count) out.unshift(previous(out[0]!));
  return out;
}

/** The unit above, or null at the top or when it is outside what the reader may read. */
export function parentUnit(
  level: Level,
  key: string,
  user: { role: Role; territory: { kato: string | null } },
): string | null {
  let up: string | null = null;
  if (level === 'oblast') up = 'KZ';
  else if (level === 'district') up = oblastOf(key);
  else if (level === 'office' && isKatoCode(key)) up = districtOf(key) ?? oblastOf(key);
  if (up === null) return null;
  if (user.role === 'ministry_analyst') return up;
  const own = user.territory.kato;
  if (own === null || up === 'KZ') return null;
  return up === own || isWithin(up, own) ? up : null;
}

/** Whether a figure has records behind it to drill down to (R-15): the misses of a floor, 4.1's complaints. */
export function hasRecords(c: IndicatorCell): boolean {
  if (c.value.kind === 'no_data' || c.code === '3.3') return false;
  return c.direction === 'ceiling' ? c.value.numerator > 0 : c.value.denominator > c.value.numerator;
}

export const RATING_SYMBOL: Readonly<Record<Rating, string>> = {
  green: '✓',
  amber: '▲',
  red: '✗',
  no_data: '—',
};

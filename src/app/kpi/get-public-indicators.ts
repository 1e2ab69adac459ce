/**
 * Issue 8 (R-15, item 5): the public transparency page, no sign-in — per office, last month's 1.1 (on time) and
 * 1.2 (waited at most 10 minutes), the typical wait (median minutes) and satisfaction (2.1: satisfied with the
 * service process). Only sums and a median per office leave here: no record, no IIN, no name of a person.
 */
import { toCivil } from '../../domain/calendar/civil-time';
import {
  COUNTRY,
  type CountContext,
  formatPeriod,
  indicatorValue,
  lastCompleteMonth,
  periodRange,
  roundPercent,
  tallyAt,
  tallyOf,
  typicalWait,
} from '../../domain/kpi';
import type { Deps, LocalizedText } from '../ports';
import { namesOf } from './get-indicators';
import { loadFacts } from './load-facts';
import { COUNTRY_UNIT } from './scope';

export interface PublicFigure {
  readonly percent: number | null;
  /** How many were counted, so a reader can judge 100 % of 1. */
  readonly count: number;
}

export interface PublicOffice {
  readonly key: string;
  readonly name: LocalizedText | null;
  readonly onTime: PublicFigure;
  readonly shortWait: PublicFigure;
  readonly typicalWaitMinutes: number | null;
  readonly satisfaction: PublicFigure;
}

export interface PublicIndicators {
  readonly period: string;
  readonly offices: PublicOffice[];
}

export async function getPublicIndicators(deps: Deps): Promise<PublicIndicators> {
  const now = deps.clock.now();
  const period = lastCompleteMonth(toCivil(now.getTime()).date);
  const range = periodRange(period);
  const facts = await deps.uow.run((repos) => loadFacts(repos, range, COUNTRY_UNIT));
  const ctx: CountContext = { range, asOfMs: now.getTime() };
  const units = tallyAt('office', facts, ctx, ['1.1', '1.2', '2.1']);
  const waits = new Map<string, number[]>();
  for (const t of facts.tickets ?? []) {
    if (t.place.office === null || t.waitMinutes === null) continue;
    waits.set(t.place.office, [...(waits.get(t.place.office) ?? []), t.waitMinutes]);
  }
  const keys = [...new Set([...units.map((u) => u.key as string), ...waits.keys()])].filter(
    (k) => k !== COUNTRY,
  );
  const names = await namesOf(
    deps,
    keys.map((key) => ({ level: 'office' as const, key })),
  );
  const figure = (t: { numerator: number; denominator: number }): PublicFigure => {
    const v = indicatorValue(t);
    return { percent: v.kind === 'value' ? roundPercent(v.percent) : null, count: t.denominator };
  };
  return {
    period: formatPeriod(period),
    offices: keys.sort().map((key) => {
      const unit = units.find((u) => u.key === key);
      return {
        key,
        name: names.get(key) ?? null,
        onTime: figure(tallyOf(unit, '1.1')),
        shortWait: figure(tallyOf(unit, '1.2')),
        typicalWaitMinutes: typicalWait(waits.get(key) ?? []),
        satisfaction: figure(tallyOf(unit, '2.1')),
      };
    }),
  };
}

/**
 * Issue 8: the indicators of Appendix 3 for a period, per unit of a level inside the unit the reader
 * looks at — with the normative value, the target for the period's year and for the next year, the value
 * (or "no data") and its rating. Summed from the daily roll-ups (ADR 0007), which equal the domain's rules
 * applied to the facts of the period.
 */
import { toCivil } from '../../domain/calendar/civil-time';
import {
  assess,
  formatPeriod,
  INDICATOR_CODES,
  INDICATORS,
  type IndicatorCode,
  indicatorValue,
  isIndicatorCode,
  type Level,
  LEVELS,
  type Rating,
  roundPercent,
  type Tally,
  rollUp,
  tallyOf,
  type UnitTallies,
} from '../../domain/kpi';
import { checkPeriodNotFuture, parsePeriod, periodRange } from '../../domain/kpi/period';
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, LocalizedText, UserRecord } from '../ports';
import { loadTallies } from './load-tallies';
import { readableUnit, type Unit } from './scope';

export interface IndicatorQuery {
  readonly period: string;
  readonly level?: Level | undefined;
  readonly code?: string | undefined;
  readonly within?: string | undefined;
}

export interface IndicatorCell {
  readonly code: IndicatorCode;
  readonly direction: 'floor' | 'ceiling';
  readonly normative: number;
  readonly normativeText: string;
  /** The ministry's target for the period's year (the rating's amber), null when none. */
  readonly target: number | null;
  /** Column 3 of the Appendix: the target for the year after the period's year. */
  readonly targetNextYear: number | null;
  readonly value: {
    readonly kind: 'value' | 'no_data';
    readonly numerator: number;
    readonly denominator: number;
    /** One decimal; null when there is no data. */
    readonly percent: number | null;
  };
  readonly rating: Rating;
}

export interface IndicatorRow {
  readonly level: Level;
  readonly key: string;
  readonly name: LocalizedText | null;
  readonly indicators: readonly IndicatorCell[];
}

export interface IndicatorTable {
  readonly period: string;
  readonly from: string;
  /** Exclusive. */
  readonly to: string;
  /** When it was computed (ISO instant): a pending application is late only once its deadline has passed. */
  readonly asOf: string;
  readonly level: Level;
  readonly within: { readonly level: Level; readonly key: string; readonly name: LocalizedText | null };
  /** The unit looked at, as a whole. */
  readonly total: IndicatorRow;
  /** Its units at `level`, with at least one record in the period, by key. */
  readonly rows: readonly IndicatorRow[];
}

/** The level shown when none is asked: the one just below the unit (an office shows itself). */
function defaultLevel(unit: Unit): Level {
  const i = LEVELS.indexOf(unit.level);
  return LEVELS[Math.max(0, i - 1)]!;
}

export async function getIndicators(
  deps: Deps,
  user: UserRecord,
  query: IndicatorQuery,
): Promise<Result<IndicatorTable>> {
  const unit = await readableUnit(deps, user, query.within);
  if (!unit.ok) return unit;
  const period = parsePeriod(query.period);
  if (!period.ok) return period;
  const now = deps.clock.now();
  const today = toCivil(now.getTime()).date;
  const notFuture = checkPeriodNotFuture(period.value, today);
  if (!notFuture.ok) return notFuture;
  if (query.code !== undefined && !isIndicatorCode(query.code)) {
    return err('KPI.UNKNOWN_INDICATOR', 'no such indicator in Appendix 3', { code: query.code });
  }
  const codes: readonly IndicatorCode[] = query.code ? [query.code as IndicatorCode] : INDICATOR_CODES;
  const level = query.level ?? defaultLevel(unit.value);
  if (LEVELS.indexOf(level) > LEVELS.indexOf(unit.value.level)) {
    return err('KPI.LEVEL_ABOVE_UNIT', 'the level is above the unit looked at', {
      level,
      within: unit.value.level,
    });
  }

  const range = periodRange(period.value);
  const year = period.value.year;
  const [finest, targets] = await Promise.all([
    loadTallies(deps, range, unit.value, now.getTime(), codes),
    deps.uow.run((repos) => repos.kpiTargets.current([year, year + 1])),
  ]);
  const targetOf = (code: IndicatorCode, y: number) =>
    targets.find((t) => t.code === code && t.year === y)?.value ?? null;

  const cells = (tallies: (code: IndicatorCode) => Tally): IndicatorCell[] =>
    codes.map((code) => {
      const d = INDICATORS[code];
      const t = tallies(code);
      const v = indicatorValue(t);
      const target = targetOf(code, year);
      return {
        code,
        direction: d.direction,
        normative: d.normative,
        normativeText: d.normativeText,
        target,
        targetNextYear: targetOf(code, year + 1),
        value: {
          kind: v.kind,
          numerator: v.numerator,
          denominator: v.denominator,
          percent: v.kind === 'value' ? roundPercent(v.percent) : null,
        },
        rating: assess(code, t, target).rating,
      };
    });

  const units: UnitTallies[] = rollUp(finest, level);
  const names = await namesOf(deps, [unit.value, ...units.map((u) => ({ level, key: u.key as string }))]);
  const total = rollUp(finest, unit.value.level).find((u) => u.key === unit.value.key);
  const row = (lvl: Level, key: string, u: UnitTallies | undefined): IndicatorRow => ({
    level: lvl,
    key,
    name: names.get(key) ?? null,
    indicators: cells((code) => tallyOf(u, code)),
  });
  return ok({
    period: formatPeriod(period.value),
    from: range.from,
    to: range.to,
    asOf: now.toISOString(),
    level,
    within: { level: unit.value.level, key: unit.value.key, name: names.get(unit.value.key) ?? null },
    total: row(unit.value.level, unit.value.key, total),
    rows: units.map((u) => row(level, u.key as string, u)),
  });
}

/** Names for the units shown: a PSC's from the directory, a territory's from KATO. */
export async function namesOf(deps: Deps, units: readonly Unit[]): Promise<Map<string, LocalizedText>> {
  const out = new Map<string, LocalizedText>();
  const territory = await deps.territory.index();
  const pscIds: string[] = [];
  for (const u of units) {
    if (u.level === 'country') {
      out.set(u.key, { kk: 'Қазақстан Республикасы', ru: 'Республика Казахстан' });
      continue;
    }
    const node = territory.find(u.key);
    if (node) out.set(u.key, { kk: node.names.kk ?? node.names.ru, ru: node.names.ru });
    else pscIds.push(u.key);
  }
  if (pscIds.length > 0) {
    await deps.uow.run(async (repos) => {
      for (const id of pscIds) {
        const office = await repos.offices.findById(id);
        if (office) out.set(id, office.name);
      }
    });
  }
  return out;
}

/**
 * Issue 8 item 6 (R-15, ADR 0007): the finest rows of the indicator table — one per placement — summed from the
 * daily roll-ups instead of the records, cut to the unit looked at. Equal to `tallyByPlace(loadFacts(…))`
 * (test/integration/indicator-rollups.test.ts), but its cost grows with offices × days, not with records.
 */
import {
  INDICATOR_CODES,
  type IndicatorCode,
  keyAt,
  type PeriodRange,
  tallyByPlaceFromCounts,
  type UnitTallies,
} from '../../domain/kpi';
import type { Deps } from '../ports';
import type { Unit } from './scope';

export async function loadTallies(
  deps: Deps,
  range: PeriodRange,
  unit: Unit,
  asOfMs: number,
  codes: readonly IndicatorCode[] = INDICATOR_CODES,
): Promise<UnitTallies[]> {
  // Its own transaction: the refresh's lock is held only while the dirty days are rebuilt.
  await deps.uow.run((repos) => repos.indicatorRollups.refresh());
  const counts = await deps.uow.run((repos) => repos.indicatorRollups.countsByPlace(range, asOfMs));
  const rows = tallyByPlaceFromCounts(counts, codes);
  return unit.level === 'country' ? rows : rows.filter((r) => keyAt(r.place, unit.level) === unit.key);
}

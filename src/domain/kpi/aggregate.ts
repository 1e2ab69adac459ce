/**
 * R-15: the indicators per akimat or PSC, district, oblast and the whole country. A level's figure is the sum
 * of the numerators over the sum of the denominators of everything in it — never an average of percentages —
 * so a district computed from its offices' rows equals the district computed from its records.
 */
import { add, type CountContext, eachContribution, NONE, type Tally } from './count';
import { COUNTRY, type FactSet, type Level, LEVELS, type Placement } from './facts';
import { INDICATOR_CODES, type IndicatorCode } from './indicators';

export type Tallies = Readonly<Partial<Record<IndicatorCode, Tally>>>;

/** The sums of one unit: an office, a district, an oblast, the country, or what is known of a place. */
export interface UnitTallies {
  /** The unit's key at its level (`KZ` for the country); null in rows of mixed places below a level. */
  readonly key: string | null;
  /** The unit's placement, cut to its level: an oblast row has no office and no district. */
  readonly place: Placement;
  readonly tallies: Tallies;
}

/** The placement as seen from a level: finer parts dropped. */
export function cutTo(place: Placement, level: Level): Placement {
  const from = LEVELS.indexOf(level);
  return {
    office: from <= 0 ? place.office : null,
    district: from <= 1 ? place.district : null,
    oblast: from <= 2 ? place.oblast : null,
  };
}

const placeKey = (p: Placement): string => `${p.office ?? ''}|${p.district ?? ''}|${p.oblast ?? ''}`;

function keyOf(place: Placement, level: Level): string | null {
  return level === 'country' ? COUNTRY : place[level];
}

/** The sums per distinct placement of the records — the finest rows everything else is summed from. */
export function tallyByPlace(
  facts: FactSet,
  ctx: CountContext,
  codes: readonly IndicatorCode[] = INDICATOR_CODES,
): UnitTallies[] {
  const rows = new Map<string, { place: Placement; tallies: Partial<Record<IndicatorCode, Tally>> }>();
  for (const code of codes) {
    eachContribution(code, facts, ctx, (place, c) => {
      const k = placeKey(place);
      let row = rows.get(k);
      if (!row) {
        row = { place, tallies: {} };
        rows.set(k, row);
      }
      row.tallies[code] = add(row.tallies[code] ?? NONE, c);
    });
  }
  return [...rows.values()].map((r) => ({ key: r.place.office, place: r.place, tallies: r.tallies }));
}

/**
 * Sums rows up to a level: one row per unit of that level, sorted by key. Rows not placed at that level (a PSC
 * whose district is unknown, at the district level) are left out there and still count in the levels above.
 */
export function rollUp(rows: readonly UnitTallies[], level: Level): UnitTallies[] {
  const out = new Map<string, { place: Placement; tallies: Partial<Record<IndicatorCode, Tally>> }>();
  for (const row of rows) {
    const key = keyOf(row.place, level);
    if (key === null) continue;
    let unit = out.get(key);
    if (!unit) {
      unit = { place: cutTo(row.place, level), tallies: {} };
      out.set(key, unit);
    }
    for (const code of INDICATOR_CODES) {
      const t = row.tallies[code];
      if (t) unit.tallies[code] = add(unit.tallies[code] ?? NONE, t);
    }
  }
  return [...out.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, u]) => ({ key, place: u.place, tallies: u.tallies }));
}

/** The units of a level with their sums, computed from the records. */
export function tallyAt(
  level: Level,
  facts: FactSet,
  ctx: CountContext,
  codes: readonly IndicatorCode[] = INDICATOR_CODES,
): UnitTallies[] {
  return rollUp(tallyByPlace(facts, ctx, codes), level);
}

/** A unit's sum for one indicator; nothing counted is `{0, 0}` (no data). */
export function tallyOf(unit: UnitTallies | undefined, code: IndicatorCode): Tally {
  return unit?.tallies[code] ?? NONE;
}

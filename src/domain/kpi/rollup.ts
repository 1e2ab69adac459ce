/**
 * R-15, issue 8 item 6: the indicators from daily roll-ups instead of records. A roll-up row holds, for one
 * office reference and a span of days, the counts each rule of `count.ts` would have added up record by record
 * (ADR 0007). This file turns those counts into the same `{numerator, denominator}` tallies, so the table read
 * from roll-ups equals the table computed from the facts — the integration test proves it on both databases.
 */
import { add, NONE, type Tally } from './count';
import type { Placement } from './facts';
import type { UnitTallies } from './aggregate';
import type { IndicatorCode } from './indicators';

/** The counts of one office over some days (the columns of `kpi_daily`, summed), plus the live 1.1 part. */
export interface RollupCounts {
  /** Applications received (4.1's denominator). */
  readonly served: number;
  /** 1.1: completed by the deadline (or without one) / completed after it. */
  readonly onTimeDone: number;
  readonly lateDone: number;
  /** 1.1: still pending with the deadline passed at the moment of reading — counted live, not rolled up. */
  readonly pendingOverdue: number;
  /** 3.2: counter applications not returned as incomplete / all counter applications. */
  readonly firstTimeRight: number;
  readonly firstTimeTotal: number;
  /** 2.2: documents not superseded / all documents. */
  readonly documentsCorrect: number;
  readonly documentsTotal: number;
  /** 1.2: measured waits of at most 10 minutes / all measured waits. */
  readonly waitsShort: number;
  readonly waitsTotal: number;
  /** 4.1's numerator and 4.2's denominator / 4.2's numerator. */
  readonly justified: number;
  readonly justifiedInTime: number;
  /** Satisfied answers / all answers to the question, per survey indicator. */
  readonly surveys: Readonly<Record<'2.1' | '3.1' | '4.3' | '4.4' | '5.1', Tally>>;
}

export const ZERO_COUNTS: RollupCounts = {
  served: 0,
  onTimeDone: 0,
  lateDone: 0,
  pendingOverdue: 0,
  firstTimeRight: 0,
  firstTimeTotal: 0,
  documentsCorrect: 0,
  documentsTotal: 0,
  waitsShort: 0,
  waitsTotal: 0,
  justified: 0,
  justifiedInTime: 0,
  surveys: { '2.1': NONE, '3.1': NONE, '4.3': NONE, '4.4': NONE, '5.1': NONE },
};

export function addCounts(a: RollupCounts, b: RollupCounts): RollupCounts {
  return {
    served: a.served + b.served,
    onTimeDone: a.onTimeDone + b.onTimeDone,
    lateDone: a.lateDone + b.lateDone,
    pendingOverdue: a.pendingOverdue + b.pendingOverdue,
    firstTimeRight: a.firstTimeRight + b.firstTimeRight,
    firstTimeTotal: a.firstTimeTotal + b.firstTimeTotal,
    documentsCorrect: a.documentsCorrect + b.documentsCorrect,
    documentsTotal: a.documentsTotal + b.documentsTotal,
    waitsShort: a.waitsShort + b.waitsShort,
    waitsTotal: a.waitsTotal + b.waitsTotal,
    justified: a.justified + b.justified,
    justifiedInTime: a.justifiedInTime + b.justifiedInTime,
    surveys: {
      '2.1': add(a.surveys['2.1'], b.surveys['2.1']),
      '3.1': add(a.surveys['3.1'], b.surveys['3.1']),
      '4.3': add(a.surveys['4.3'], b.surveys['4.3']),
      '4.4': add(a.surveys['4.4'], b.surveys['4.4']),
      '5.1': add(a.surveys['5.1'], b.surveys['5.1']),
    },
  };
}

/**
 * The tally of one indicator from an office's counts — the same sums `count.ts` makes record by record.
 * 3.3 is the default provider setting (load-facts.ts): one service, online, for an office that served.
 */
export function tallyFromCounts(code: IndicatorCode, c: RollupCounts, place: Placement): Tally {
  switch (code) {
    case '1.1':
      return { numerator: c.onTimeDone, denominator: c.onTimeDone + c.lateDone + c.pendingOverdue };
    case '1.2':
      return { numerator: c.waitsShort, denominator: c.waitsTotal };
    case '2.2':
      return { numerator: c.documentsCorrect, denominator: c.documentsTotal };
    case '3.2':
      return { numerator: c.firstTimeRight, denominator: c.firstTimeTotal };
    case '3.3':
      return c.served > 0 && place.office !== null ? { numerator: 1, denominator: 1 } : NONE;
    case '4.1':
      return { numerator: c.justified, denominator: c.served };
    case '4.2':
      return { numerator: c.justifiedInTime, denominator: c.justified };
    default:
      return c.surveys[code];
  }
}

const placeKey = (p: Placement): string => `${p.office ?? ''}|${p.district ?? ''}|${p.oblast ?? ''}`;

/**
 * The finest rows (one per distinct placement) from roll-up counts, as `tallyByPlace` makes them from facts:
 * counts of references that resolve to the same placement are summed first, and an indicator with nothing
 * counted is left out, so a unit shows only when something of the asked indicators counts in it.
 */
export function tallyByPlaceFromCounts(
  rows: readonly { readonly place: Placement; readonly counts: RollupCounts }[],
  codes: readonly IndicatorCode[],
): UnitTallies[] {
  const merged = new Map<string, { place: Placement; counts: RollupCounts }>();
  for (const row of rows) {
    const k = placeKey(row.place);
    const seen = merged.get(k);
    merged.set(k, { place: row.place, counts: seen ? addCounts(seen.counts, row.counts) : row.counts });
  }
  const out: UnitTallies[] = [];
  for (const { place, counts } of merged.values()) {
    const tallies: Partial<Record<IndicatorCode, Tally>> = {};
    for (const code of codes) {
      const t = tallyFromCounts(code, counts, place);
      if (t.numerator !== 0 || t.denominator !== 0) tallies[code] = t;
    }
    if (Object.keys(tallies).length > 0) out.push({ key: place.office, place, tallies });
  }
  return out;
}

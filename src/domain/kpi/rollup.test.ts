/** R-15, issue 8 item 6: roll-up counts become the same tallies the rules of count.ts add up record by record. */
import { describe, expect, it } from 'vitest';
import { akimatPlacement, pscPlacement, UNPLACED } from './facts';
import { addCounts, type RollupCounts, tallyByPlaceFromCounts, tallyFromCounts, ZERO_COUNTS } from './rollup';

const KENES = akimatPlacement('113243000');
const counts = (over: Partial<RollupCounts>): RollupCounts => ({ ...ZERO_COUNTS, ...over });

describe('tallies from roll-up counts (R-15)', () => {
  it('1.1 counts completed on time over completed and pending-overdue', () => {
    const c = counts({ onTimeDone: 7, lateDone: 2, pendingOverdue: 1, served: 12 });
    expect(tallyFromCounts('1.1', c, KENES)).toEqual({ numerator: 7, denominator: 10 });
  });

  it('4.1 is justified complaints over applications served; 4.2 satisfied in time over justified', () => {
    const c = counts({ served: 200, justified: 3, justifiedInTime: 2 });
    expect(tallyFromCounts('4.1', c, KENES)).toEqual({ numerator: 3, denominator: 200 });
    expect(tallyFromCounts('4.2', c, KENES)).toEqual({ numerator: 2, denominator: 3 });
  });

  it('3.3 is the default setting (1 of 1) of an office that served, nothing for an unplaced record', () => {
    expect(tallyFromCounts('3.3', counts({ served: 5 }), KENES)).toEqual({ numerator: 1, denominator: 1 });
    expect(tallyFromCounts('3.3', counts({ served: 5 }), UNPLACED)).toEqual({ numerator: 0, denominator: 0 });
    expect(tallyFromCounts('3.3', counts({ justified: 1 }), KENES)).toEqual({ numerator: 0, denominator: 0 });
  });

  it('references resolving to one placement are summed before 3.3 is decided, once per office', () => {
    const psc = pscPlacement('psc-1', '113243000');
    const rows = tallyByPlaceFromCounts(
      [
        { place: psc, counts: counts({ served: 2, onTimeDone: 2 }) },
        { place: psc, counts: counts({ pendingOverdue: 1 }) },
        { place: KENES, counts: counts({ waitsTotal: 1, waitsShort: 0 }) },
        { place: UNPLACED, counts: ZERO_COUNTS },
      ],
      ['1.1', '1.2', '3.3'],
    );
    expect(rows).toEqual([
      {
        key: 'psc-1',
        place: psc,
        tallies: { '1.1': { numerator: 2, denominator: 3 }, '3.3': { numerator: 1, denominator: 1 } },
      },
      { key: '113243000', place: KENES, tallies: { '1.2': { numerator: 0, denominator: 1 } } },
    ]);
  });

  it('adding counts is adding every column', () => {
    const a = counts({
      served: 1,
      surveys: { ...ZERO_COUNTS.surveys, '5.1': { numerator: 1, denominator: 2 } },
    });
    expect(addCounts(a, a).surveys['5.1']).toEqual({ numerator: 2, denominator: 4 });
    expect(addCounts(a, ZERO_COUNTS)).toEqual(a);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../shared/plain-date';
import { distribution, percentile, queueStatistics, type VisitRecord } from './statistics';

const d = (s: string) => s as PlainDate;
const rec = (over: Partial<VisitRecord>): VisitRecord => ({
  officeId: 'psc-01',
  deskId: 'd1',
  day: d('2025-03-17'),
  status: 'done',
  waitMinutes: 3,
  serviceMinutes: 5,
  ...over,
});

// R-8, issue 6 item 3, indicator 1.2 of Appendix 3: daily and monthly statistics per office and per desk.
describe('queueStatistics (R-8)', () => {
  const records = [
    rec({ waitMinutes: 2, serviceMinutes: 4 }),
    rec({ waitMinutes: 12, serviceMinutes: 11, deskId: 'd2' }),
    rec({ status: 'no_show', waitMinutes: 6, serviceMinutes: null }),
    rec({ status: 'office_closed', deskId: null, waitMinutes: 9, serviceMinutes: null }),
    rec({ day: d('2025-03-18'), waitMinutes: 1, serviceMinutes: 2 }),
    rec({ officeId: 'psc-02', waitMinutes: 1, serviceMinutes: 1 }),
  ];

  it('per office and day', () => {
    const s = queueStatistics(records, { by: 'office', period: 'day' });
    expect(s.map((x) => [x.officeId, x.period, x.tickets, x.served, x.noShows, x.closedUnserved])).toEqual([
      ['psc-01', '2025-03-17', 4, 2, 1, 1],
      ['psc-01', '2025-03-18', 1, 1, 0, 0],
      ['psc-02', '2025-03-17', 1, 1, 0, 0],
    ]);
    expect(s[0]).toMatchObject({
      wait: { count: 4, p50: 6, p90: 12, max: 12 },
      service: { count: 2, p50: 4, max: 11 },
      waitWithinLimit: 0.75,
      serviceWithinLimit: 0.5,
    });
  });

  it('per desk and month', () => {
    const s = queueStatistics(records, { by: 'desk', period: 'month' });
    expect(s.map((x) => [x.officeId, x.period, x.deskId, x.tickets])).toEqual([
      ['psc-01', '2025-03', null, 1],
      ['psc-01', '2025-03', 'd1', 3],
      ['psc-01', '2025-03', 'd2', 1],
      ['psc-02', '2025-03', 'd1', 1],
    ]);
  });

  it('no records, no groups; an empty distribution has nulls', () => {
    expect(queueStatistics([], { by: 'office', period: 'day' })).toEqual([]);
    expect(distribution([])).toEqual({ count: 0, p50: null, p90: null, max: null });
  });

  it('percentiles are values that occurred, monotone in p, and the max is p100 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 60 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const p50 = percentile(sorted, 50)!;
        const p90 = percentile(sorted, 90)!;
        expect(xs).toContain(p50);
        expect(p50).toBeLessThanOrEqual(p90);
        expect(percentile(sorted, 100)).toBe(Math.max(...xs));
        expect(sorted.filter((x) => x <= p90).length / sorted.length).toBeGreaterThanOrEqual(0.9);
      }),
    );
  });

  it('counts add up over groups (property)', () => {
    const arb = fc.record({
      officeId: fc.constantFrom('o1', 'o2'),
      deskId: fc.constantFrom('d1', 'd2', null),
      day: fc.constantFrom(d('2025-03-17'), d('2025-03-18'), d('2025-04-01')),
      status: fc.constantFrom('done', 'no_show', 'office_closed', 'issued') as fc.Arbitrary<
        VisitRecord['status']
      >,
      waitMinutes: fc.option(fc.integer({ min: 0, max: 30 })),
      serviceMinutes: fc.option(fc.integer({ min: 0, max: 30 })),
    });
    fc.assert(
      fc.property(
        fc.array(arb, { maxLength: 40 }),
        fc.constantFrom('office', 'desk'),
        fc.constantFrom('day', 'month'),
        (rs, by, period) => {
          const s = queueStatistics(rs, { by: by as 'office' | 'desk', period: period as 'day' | 'month' });
          expect(s.reduce((n, g) => n + g.tickets, 0)).toBe(rs.length);
          expect(s.reduce((n, g) => n + g.served, 0)).toBe(rs.filter((r) => r.status === 'done').length);
        },
      ),
    );
  });
});

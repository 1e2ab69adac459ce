import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import kzJson from '../../../data/calendar/kz.json';
import { at, calendarOf, code, value } from './fixtures.test-support';
import { elapsedTimes, openMinutes, roundMinutes } from './timing';

const cal = calendarOf(kzJson);

// R-8 with R-10: waits and services count only the minutes the office was open.
describe('openMinutes (R-8, R-10)', () => {
  it.each([
    ['psc', at('10:00'), at('10:07'), 7],
    ['psc', at('08:30'), at('09:02'), 2], // before opening does not count
    ['psc', at('19:55'), at('09:05', '2025-03-18'), 10], // overnight: 5 + 5
    ['akimat', at('12:58'), at('14:03'), 5], // lunch 13–14 does not count
    ['akimat', at('17:58'), at('09:01', '2025-03-18'), 3],
    ['psc', at('19:58', '2025-03-20'), at('09:01', '2025-03-26'), 3], // Nauryz 21–23 and observed 24–25 March are closed
    ['psc', at('10:00'), at('10:00'), 0],
    ['psc', at('10:05'), at('10:00'), 0], // clocks a little apart: zero, not an error
  ] as const)('%s %s → %s = %d', (schedule, from, to, minutes) => {
    expect(value(openMinutes(cal, schedule, from, to))).toBe(minutes);
  });

  it('90 seconds are 1.5 minutes; bad instants are coded errors', () => {
    expect(value(openMinutes(cal, 'psc', '2025-03-17T10:00:00+05:00', '2025-03-17T10:01:30+05:00'))).toBe(
      1.5,
    );
    expect(code(openMinutes(cal, 'psc', 'nonsense', at('10:00')))).not.toBe('ok');
  });

  it('is additive over a split point and never more than wall-clock minutes (property)', () => {
    const base = Date.parse('2025-03-17T00:00:00+05:00');
    const day = 24 * 60 * 60_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * day }),
        fc.integer({ min: 0, max: 3 * day }),
        fc.integer({ min: 0, max: 3 * day }),
        fc.constantFrom('psc', 'akimat', 'psc_branch'),
        (x, y, z, schedule) => {
          const [a, b, c] = [x, y, z].sort((p, q) => p - q).map((v) => base + v) as [number, number, number];
          const ab = value(openMinutes(cal, schedule, a, b));
          const bc = value(openMinutes(cal, schedule, b, c));
          const ac = value(openMinutes(cal, schedule, a, c));
          expect(Math.abs(ab + bc - ac)).toBeLessThanOrEqual(0.02);
          expect(ac).toBeLessThanOrEqual(roundMinutes((c - a) / 60_000) + 0.01);
          expect(ac).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('elapsedTimes (R-8)', () => {
  it('waiting: only the wait runs', () => {
    expect(
      value(
        elapsedTimes(
          cal,
          'psc',
          { issuedAt: at('10:00'), firstCalledAt: null, finishedAt: null },
          at('10:08'),
        ),
      ),
    ).toEqual({
      waitMinutes: 8,
      serviceMinutes: null,
    });
  });
  it('at a desk: the wait is fixed, the service runs', () => {
    expect(
      value(
        elapsedTimes(
          cal,
          'psc',
          { issuedAt: at('10:00'), firstCalledAt: at('10:03'), finishedAt: null },
          at('10:20'),
        ),
      ),
    ).toEqual({ waitMinutes: 3, serviceMinutes: 17 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCivil, isWorkingDay, toCivil, workingDaysBetween } from '../calendar/index';
import type { Application, DeadlineRule } from './application';
import { computeDeadline, deadlineFlag, isOnTime } from './deadline';
import { calendar, reach, T0, unwrap } from './fixtures.test-support';

const wd = (days: number): DeadlineRule => ({ unit: 'working_days', amount: days });

// the due moment is the closing time of the n-th working day, the day of acceptance not counted; the amber
// mark is 75 % of the office's open time in between (issue 5).
describe('computeDeadline (R-7)', () => {
  it.each([
    // Wed 10:00 → Fri 20:00; 32 h open, 24 h of them used at Fri 12:00.
    ['2026-11-25T10:00:00+05:00', wd(2), 'psc', '2026-11-27T20:00:00+05:00', '2026-11-27T12:00:00+05:00'],
    // Fri 19:30 counts as Friday: Mon, Tue → Tue 20:00; 22.5 h open → 75 % at Tue 14:22:30.
    ['2026-11-27T19:30:00+05:00', wd(2), 'psc', '2026-12-01T20:00:00+05:00', '2026-12-01T14:22:30+05:00'],
    // Fri 20:30, after closing, counts as Monday (not counted): Tue, Wed. Monday's hours are still time to work
    // on it: 33 h open → 24.75 h at Wed 11:45.
    ['2026-11-27T20:30:00+05:00', wd(2), 'psc', '2026-12-02T20:00:00+05:00', '2026-12-02T11:45:00+05:00'],
    // Saturday likewise.
    ['2026-11-28T11:00:00+05:00', wd(2), 'psc', '2026-12-02T20:00:00+05:00', '2026-12-02T11:45:00+05:00'],
    // Fri before Nauryz: Sat 21 – Wed 25 Mar 2026 are off → Thu 26, Fri 27; 30 h open → 22.5 h at Fri 12:30.
    ['2026-03-20T12:00:00+05:00', wd(2), 'psc', '2026-03-27T20:00:00+05:00', '2026-03-27T12:30:00+05:00'],
    // Tue before Independence Day (Wed 16 Dec) → Thu 17, Fri 18.
    ['2026-12-15T10:00:00+05:00', wd(2), 'psc', '2026-12-18T20:00:00+05:00', '2026-12-18T12:00:00+05:00'],
    // A PSC branch closes at 19:00 and breaks for lunch.
    [
      '2026-11-25T10:00:00+05:00',
      wd(2),
      'psc_branch',
      '2026-11-27T19:00:00+05:00',
      '2026-11-27T11:30:00+05:00',
    ],
    // The akimat, same day: 7 h open from 10:00, 5.25 h used at 16:15 (lunch not counted).
    ['2026-11-25T10:00:00+05:00', wd(0), 'akimat', '2026-11-25T18:00:00+05:00', '2026-11-25T16:15:00+05:00'],
    // Elapsed minutes: no calendar involved.
    [
      '2026-11-25T10:00:00+05:00',
      { unit: 'minutes', amount: 10 },
      'psc',
      '2026-11-25T10:10:00+05:00',
      '2026-11-25T10:07:30+05:00',
    ],
  ] as const)('%s + %j at %s → due %s, amber %s', (start, rule, schedule, dueAt, amberAt) => {
    const d = unwrap(computeDeadline(rule, start, calendar, schedule));
    expect({ dueAt: d.dueAt, amberAt: d.amberAt, startAt: d.startAt }).toEqual({
      dueAt,
      amberAt,
      startAt: start,
    });
    expect(d.dueMs).toBe(Date.parse(dueAt));
    expect(d.amberMs).toBe(Date.parse(amberAt));
  });

  it.each([
    [{ unit: 'working_days', amount: -1 }],
    [{ unit: 'working_days', amount: 1.5 }],
    [{ unit: 'weeks', amount: 1 }],
  ] as const)('rejects the rule %j', (rule) => {
    const r = computeDeadline(rule as DeadlineRule, T0, calendar, 'psc');
    expect(!r.ok && r.error.code).toBe('APPLICATION.BAD_DEADLINE_RULE');
  });

  // R-7 as a property: whenever it is accepted, a PSC application is due at 20:00 on a working day that is the
  // 2nd working day after the day the acceptance counts as.
  it('is due at the PSC closing time of the 2nd working day after acceptance', () => {
    const from = Date.parse('2024-03-01T00:00:00+05:00');
    const to = Date.parse('2027-12-15T00:00:00+05:00');
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (start) => {
        const d = unwrap(computeDeadline(wd(2), start, calendar, 'psc'));
        expect(toCivil(d.dueMs).minute).toBe(20 * 60);
        expect(unwrap(isWorkingDay(calendar, d.dueDate))).toBe(true);
        // Accepted on a working day before closing, that day is the (uncounted) day of acceptance; otherwise
        // the next working day is, and it is not counted either.
        const civil = toCivil(start);
        const sameDay = unwrap(isWorkingDay(calendar, civil.date)) && civil.minute < 20 * 60;
        expect(unwrap(workingDaysBetween(calendar, civil.date, d.dueDate))).toBe(sameDay ? 2 : 3);
        expect(d.amberMs).toBeGreaterThan(start);
        expect(d.amberMs).toBeLessThanOrEqual(d.dueMs);
        expect(d.dueMs).toBe(fromCivil(d.dueDate, 20 * 60));
      }),
      { numRuns: 300 },
    );
  });
});

describe('deadlineFlag (issue 5: amber at 75 %, red when overdue)', () => {
  // Accepted Wed 25 Nov 2026 10:02 → due Fri 27 Nov 20:00, amber from Fri ≈ 12:00.
  const accepted = reach('psc', 'accepted');

  it.each([
    ['2026-11-26T15:00:00+05:00', 'ok'],
    ['2026-11-27T11:59:00+05:00', 'ok'],
    ['2026-11-27T12:02:00+05:00', 'amber'],
    ['2026-11-27T20:00:00+05:00', 'amber'],
    ['2026-11-27T20:00:01+05:00', 'red'],
    ['2026-12-10T10:00:00+05:00', 'red'],
  ] as const)('at %s → %s', (now, flag) => {
    expect(deadlineFlag(accepted, now)).toBe(flag);
  });

  it('reads a finished application at the moment it finished', () => {
    const onTime: Application = { ...accepted, completedAt: '2026-11-26T10:00:00+05:00' };
    const late: Application = { ...accepted, completedAt: '2026-11-30T10:00:00+05:00' };
    expect(deadlineFlag(onTime, '2026-12-10T10:00:00+05:00')).toBe('ok');
    expect(deadlineFlag(late, '2026-12-10T10:00:00+05:00')).toBe('red');
    // Finished inside the last quarter of its time: on time, so ok — amber is only for a running clock.
    const lastQuarter: Application = { ...accepted, completedAt: '2026-11-27T19:00:00+05:00' };
    expect(deadlineFlag(lastQuarter, '2026-12-10T10:00:00+05:00')).toBe('ok');
    expect(isOnTime(onTime)).toBe(true);
    expect(isOnTime(late)).toBe(false);
    expect(isOnTime(accepted)).toBeUndefined();
  });

  it('has nothing to flag before acceptance', () => {
    expect(deadlineFlag(reach('psc', 'documents_checked'), '2030-01-01T00:00:00Z')).toBe('ok');
    expect(isOnTime(reach('psc', 'refused_at_intake'))).toBeUndefined();
  });
});

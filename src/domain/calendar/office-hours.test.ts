import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import kzJson from '../../../data/calendar/kz.json';
import type { PlainDate } from '../shared/plain-date';
import { toCivil } from './civil-time';
import {
  addWorkingDays,
  isOpen,
  makeSchedule,
  OFFICE_HOURS,
  OFFICE_SCHEDULE_KINDS,
  type OfficeScheduleKind,
  officeHours,
  openMillisBetween,
  openMinutesBetween,
  scheduleFor,
} from './office-hours';
import { buildCalendar, isWorkingDay, type WorkingCalendar, workingDaysBetween } from './working-calendar';

const d = (s: string) => s as PlainDate;

function kz(): WorkingCalendar {
  const r = buildCalendar(kzJson);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const cal = kz();

const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

// R-10 (§9, §21, §22): hours per kind of office, on working days only.
describe('officeHours (R-10)', () => {
  it.each([
    ['akimat', '2025-03-17', ['09:00–13:00', '14:00–18:00']], // Mon
    ['psc', '2025-03-17', ['09:00–20:00']], // Mon, no break
    ['psc_branch', '2025-03-17', ['09:00–13:00', '14:00–19:00']], // Mon
    ['akimat_complaints', '2025-03-17', ['09:00–13:00', '14:00–20:00']], // Mon: the seed's 20:00, kept
    ['psc_branch_complaints', '2025-03-17', ['09:00–13:00', '14:00–19:00']], // Mon
    ['psc', '2025-03-15', []], // Sat
    ['psc', '2025-03-24', []], // Mon, Nauryz observed day
    ['akimat', '2025-01-05', ['09:00–13:00', '14:00–18:00']], // Sun, transferred working day
    ['akimat', '2024-05-04', ['09:00–13:00', '14:00–18:00']], // Sat, transferred working day
  ] as const)('%s on %s', (kind, date, expected) => {
    const periods = value(officeHours(cal, kind, d(date)));
    expect(periods.map((p) => `${p.from}–${p.to}`)).toEqual(expected);
  });

  it('gives instants with the offset in force (UTC+6 before 1 March 2024, UTC+5 after)', () => {
    const before = value(officeHours(cal, 'psc', d('2024-02-29'))); // Thu
    expect(before[0]).toMatchObject({
      fromInstant: '2024-02-29T09:00:00+06:00',
      toInstant: '2024-02-29T20:00:00+06:00',
      fromMs: Date.parse('2024-02-29T03:00:00Z'),
    });
    const after = value(officeHours(cal, 'psc', d('2024-03-01'))); // Fri
    expect(after[0]).toMatchObject({
      fromInstant: '2024-03-01T09:00:00+05:00',
      toInstant: '2024-03-01T20:00:00+05:00',
      fromMs: Date.parse('2024-03-01T04:00:00Z'),
    });
  });

  it('fails loudly outside coverage and on unknown schedules', () => {
    const out = officeHours(cal, 'psc', d('2028-01-03'));
    expect(!out.ok && out.error.code).toBe('CALENDAR.OUT_OF_COVERAGE');
    const unknown = officeHours(cal, 'bank' as OfficeScheduleKind, d('2025-03-17'));
    expect(!unknown.ok && unknown.error.code).toBe('CALENDAR.UNKNOWN_SCHEDULE');
  });

  it.each([
    [[{ from: '09:00', to: '08:00' }], 'CALENDAR.BAD_SCHEDULE'],
    [
      [
        { from: '09:00', to: '13:00' },
        { from: '12:00', to: '18:00' },
      ],
      'CALENDAR.BAD_SCHEDULE',
    ],
    [[{ from: '9:00', to: '18:00' }], 'CALENDAR.BAD_SCHEDULE'],
    [[], 'CALENDAR.BAD_SCHEDULE'],
  ])('makeSchedule rejects %j', (intervals, code) => {
    const r = makeSchedule('custom', intervals);
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('rejects an unknown time zone', () => {
    const r = makeSchedule('custom', OFFICE_HOURS.akimat, 'Asia/Nowhere');
    expect(!r.ok && r.error.code).toBe('CALENDAR.BAD_TIME_ZONE');
  });
});

describe('isOpen (R-10)', () => {
  it.each([
    ['akimat', '2025-03-17T08:59:59+05:00', false], // Mon, before opening
    ['akimat', '2025-03-17T09:00:00+05:00', true], // Mon
    ['akimat', '2025-03-17T12:59:59+05:00', true], // Mon
    ['akimat', '2025-03-17T13:00:00+05:00', false], // Mon, lunch
    ['akimat', '2025-03-17T14:00:00+05:00', true], // Mon
    ['akimat', '2025-03-17T18:00:00+05:00', false], // Mon, closed at closing time
    ['akimat_complaints', '2025-03-17T19:00:00+05:00', true], // Mon, complaints until 20:00
    ['psc', '2025-03-17T13:30:00+05:00', true], // Mon, no lunch break
    ['psc_branch', '2025-03-17T18:30:00+05:00', true], // Mon
    ['psc_branch', '2025-03-17T19:00:00+05:00', false], // Mon
    ['psc', '2025-03-15T10:00:00+05:00', false], // Sat
    ['psc', '2025-01-05T10:00:00+05:00', true], // Sun, transferred working day
    ['psc', '2025-03-24T10:00:00+05:00', false], // Mon, Nauryz observed day
    ['psc', '2020-05-11T10:00:00+06:00', true], // Mon, worked in 2020
    ['psc', '2020-05-08T10:00:00+06:00', false], // Fri, the day off moved from 11 May
    // The UTC+6 → UTC+5 switch: 03:00Z is 09:00 on Thu 29 Feb but 08:00 on Fri 1 Mar 2024.
    ['akimat', '2024-02-29T03:00:00Z', true],
    ['akimat', '2024-03-01T03:00:00Z', false],
    ['akimat', '2024-03-01T04:00:00Z', true],
    ['akimat', Date.parse('2025-03-17T04:30:00Z'), true], // epoch ms; Mon 09:30
  ] as const)('%s at %s → %s', (kind, instant, open) => {
    expect(isOpen(cal, kind, instant)).toEqual({ ok: true, value: open });
  });

  it('rejects an instant without an offset', () => {
    const r = isOpen(cal, 'psc', '2025-03-17T10:00:00');
    expect(!r.ok && r.error.code).toBe('CALENDAR.BAD_INSTANT');
  });
});

// day of acceptance not counted; after hours or on a non-working day, the next working day is the day
// of acceptance; due at the closing time of the n-th working day.
describe('addWorkingDays (R-7)', () => {
  it.each([
    ['psc', '2025-03-17T10:00:00+05:00', 2, '2025-03-19T20:00:00+05:00', '2025-03-17'], // Mon → Wed
    ['psc', '2025-03-17T08:00:00+05:00', 2, '2025-03-19T20:00:00+05:00', '2025-03-17'], // Mon before opening
    ['psc', '2025-03-17T13:30:00+05:00', 2, '2025-03-19T20:00:00+05:00', '2025-03-17'], // Mon
    ['psc', '2025-03-14T21:00:00+05:00', 2, '2025-03-19T20:00:00+05:00', '2025-03-17'], // Fri after hours → Wed
    ['psc', '2025-03-14T20:00:00+05:00', 2, '2025-03-19T20:00:00+05:00', '2025-03-17'], // Fri at closing time
    ['psc', '2025-03-14T19:59:00+05:00', 2, '2025-03-18T20:00:00+05:00', '2025-03-14'], // Fri → Tue
    ['psc', '2025-03-15T12:00:00+05:00', 2, '2025-03-19T20:00:00+05:00', '2025-03-17'], // Sat → Wed
    // Nauryz 2025: Fri 21 – Tue 25 off.
    ['psc', '2025-03-20T10:00:00+05:00', 2, '2025-03-27T20:00:00+05:00', '2025-03-20'], // Thu → Thu
    ['psc', '2025-03-22T10:00:00+05:00', 2, '2025-03-28T20:00:00+05:00', '2025-03-26'], // Sat → Fri
    // Transferred working Sunday 5 Jan 2025 (Fri 3 Jan off).
    ['psc', '2024-12-30T10:00:00+05:00', 2, '2025-01-05T20:00:00+05:00', '2024-12-30'], // Mon → Sun
    // Transferred working Saturday 4 May 2024 (Wed 8 May off).
    ['psc', '2024-05-02T10:00:00+05:00', 2, '2024-05-04T20:00:00+05:00', '2024-05-02'], // Thu → Sat
    ['psc', '2024-05-06T10:00:00+05:00', 2, '2024-05-13T20:00:00+05:00', '2024-05-06'], // Mon → Mon
    // 2020 May: 7, 8, 9 off, Mon 11 worked.
    ['psc', '2020-05-06T10:00:00+06:00', 2, '2020-05-12T20:00:00+06:00', '2020-05-06'], // Wed → Tue
    // Across the UTC+6 → UTC+5 switch.
    ['psc', '2024-02-28T10:00:00+06:00', 2, '2024-03-01T20:00:00+05:00', '2024-02-28'], // Wed → Fri
    ['psc', '2024-02-29T14:30:00Z', 1, '2024-03-04T20:00:00+05:00', '2024-03-01'], // Thu 20:30+06 after hours → Mon
    // The akimat serves within the visit: n = 0 is today's closing time.
    ['akimat', '2025-03-17T10:00:00+05:00', 0, '2025-03-17T18:00:00+05:00', '2025-03-17'], // Mon
    ['akimat', '2025-03-17T19:00:00+05:00', 0, '2025-03-18T18:00:00+05:00', '2025-03-18'], // Mon after hours → Tue
    // complaints, 5 working days, at the akimat's complaint hours (until 20:00).
    ['akimat_complaints', '2025-03-18T19:30:00+05:00', 5, '2025-03-28T20:00:00+05:00', '2025-03-18'], // Tue → Fri over Nauryz
  ] as const)('%s accepted %s + %i → %s', (kind, accepted, n, due, acceptedOn) => {
    const r = value(addWorkingDays(cal, kind, accepted, n));
    expect(r.due).toBe(due);
    expect(r.dueMs).toBe(Date.parse(due));
    expect(r.dueDate).toBe(due.slice(0, 10));
    expect(r.acceptedOn).toBe(acceptedOn);
  });

  it('takes epoch milliseconds too', () => {
    const r = value(addWorkingDays(cal, 'psc', Date.parse('2025-03-17T05:00:00Z'), 2));
    expect(r.due).toBe('2025-03-19T20:00:00+05:00');
  });

  it.each([
    [-1, 'CALENDAR.BAD_WORKING_DAYS'],
    [1.5, 'CALENDAR.BAD_WORKING_DAYS'],
  ])('rejects n = %d', (n, code) => {
    const r = addWorkingDays(cal, 'psc', '2025-03-17T10:00:00+05:00', n);
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('fails loudly when the deadline runs past the coverage', () => {
    const r = addWorkingDays(cal, 'psc', '2027-12-30T10:00:00+05:00', 2);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CALENDAR.OUT_OF_COVERAGE');
      expect(r.error.details?.coverage).toEqual({ from: '2011-01-01', to: '2027-12-31' });
    }
  });
});

// only open minutes count towards a queue wait.
describe('openMinutesBetween (R-8)', () => {
  it.each([
    ['psc', '2025-03-17T10:00:00+05:00', '2025-03-17T10:07:30+05:00', 7.5], // Mon
    ['psc', '2025-03-17T19:50:00+05:00', '2025-03-18T09:05:00+05:00', 15], // Mon evening → Tue morning
    ['akimat', '2025-03-17T12:55:00+05:00', '2025-03-17T14:05:00+05:00', 10], // Mon, over lunch
    ['psc', '2025-03-14T19:55:00+05:00', '2025-03-17T09:01:00+05:00', 6], // Fri → Mon over the weekend
    ['psc', '2025-03-20T19:00:00+05:00', '2025-03-26T10:00:00+05:00', 120], // Thu → Wed over Nauryz
    ['psc', '2025-03-17T10:00:00+05:00', '2025-03-17T10:00:00+05:00', 0],
    ['psc', '2024-02-29T19:00:00+06:00', '2024-03-01T09:30:00+05:00', 90], // over the zone switch
  ] as const)('%s %s → %s = %d min', (kind, from, to, minutes) => {
    expect(openMinutesBetween(cal, kind, from, to)).toEqual({ ok: true, value: minutes });
  });

  it('rejects a range that ends before it starts', () => {
    const r = openMinutesBetween(cal, 'psc', '2025-03-17T11:00:00+05:00', '2025-03-17T10:00:00+05:00');
    expect(!r.ok && r.error.code).toBe('CALENDAR.BAD_RANGE');
  });
});

const FROM_MS = Date.parse('2011-01-01T00:00:00+06:00');
const TO_MS = Date.parse('2027-10-31T00:00:00+05:00');
const instantArb = fc.integer({ min: FROM_MS, max: TO_MS });
const kindArb = fc.constantFrom(...OFFICE_SCHEDULE_KINDS);

describe('properties', () => {
  it('a due date is a working day, at the closing time of the office (R-7, R-10)', () => {
    fc.assert(
      fc.property(kindArb, instantArb, fc.integer({ min: 0, max: 15 }), (kind, at, n) => {
        const due = value(addWorkingDays(cal, kind, at, n));
        const civil = toCivil(due.dueMs);
        const schedule = scheduleFor(kind);
        expect(civil.date).toBe(due.dueDate);
        expect(value(isWorkingDay(cal, due.dueDate))).toBe(true);
        expect(civil.minute).toBe(schedule.intervals[schedule.intervals.length - 1]?.to);
        // Just before closing the office is open: the due moment is the end of an open period.
        expect(value(isOpen(cal, kind, due.dueMs - 1))).toBe(true);
        expect(value(workingDaysBetween(cal, due.acceptedOn, due.dueDate))).toBe(n);
      }),
    );
  });

  it('addWorkingDays never goes backwards and grows with n', () => {
    fc.assert(
      fc.property(kindArb, instantArb, fc.integer({ min: 0, max: 15 }), (kind, at, n) => {
        const a = value(addWorkingDays(cal, kind, at, n));
        const b = value(addWorkingDays(cal, kind, at, n + 1));
        expect(a.dueMs).toBeGreaterThanOrEqual(at);
        expect(b.dueMs).toBeGreaterThan(a.dueMs);
      }),
    );
  });

  it('addWorkingDays is monotonic in the instant of acceptance', () => {
    fc.assert(
      fc.property(
        kindArb,
        instantArb,
        fc.integer({ min: 0, max: 7 * 86_400_000 }),
        fc.nat(10),
        (kind, at, dt, n) => {
          const a = value(addWorkingDays(cal, kind, at, n));
          const b = value(addWorkingDays(cal, kind, at + dt, n));
          expect(b.dueMs).toBeGreaterThanOrEqual(a.dueMs);
        },
      ),
    );
  });

  it('openMinutesBetween is additive over a split point and never exceeds the elapsed time', () => {
    fc.assert(
      fc.property(
        kindArb,
        instantArb,
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (kind, a, span, t) => {
          const b = a + span;
          const c = a + Math.floor(span * t);
          const whole = value(openMillisBetween(cal, kind, a, b));
          expect(value(openMillisBetween(cal, kind, a, c)) + value(openMillisBetween(cal, kind, c, b))).toBe(
            whole,
          );
          expect(whole).toBeGreaterThanOrEqual(0);
          expect(whole).toBeLessThanOrEqual(span);
        },
      ),
    );
  });
});

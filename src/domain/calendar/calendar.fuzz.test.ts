import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import kzJson from '../../../data/calendar/kz.json';
import { FUZZ_RUNS, fuzzOptions } from '../shared/fuzz.test-support';
import { addDays, fromDayNumber, type PlainDate, toDayNumber } from '../shared/plain-date';
import { addTransfer } from './calendar-admin';
import { toCivil } from './civil-time';
import { addWorkingDays, OFFICE_SCHEDULE_KINDS } from './office-hours';
import {
  buildCalendar,
  countWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  type WorkingCalendar,
  workingDaysBetween,
} from './working-calendar';

// Issue 10 item 3: the working calendar fuzzed — FUZZ_RUNS cases per property (10,000 by default)
// over its whole coverage, every office schedule and deadlines up to 60 working days (the API's limit).
// office-hours.test.ts has the examples; this file adds counting back, gaps, additivity and hostile input.

const built = buildCalendar(kzJson);
if (!built.ok) throw new Error(JSON.stringify(built.error));
const cal: WorkingCalendar = built.value;
const first = toDayNumber(cal.coverage.from);
const last = toDayNumber(cal.coverage.to);
const CALENDAR_CODE = /^CALENDAR\.[A-Z_]+$/;

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const dayArb = fc.integer({ min: first, max: last }).map((n) => fromDayNumber(n));
const instantArb = fc
  .integer({
    min: Date.parse(`${cal.coverage.from}T00:00:00+06:00`),
    max: Date.parse(`${cal.coverage.to}T18:00:00+05:00`),
  })
  .map((ms) => ms);
const kindArb = fc.constantFrom(...OFFICE_SCHEDULE_KINDS);

describe('the working calendar fuzzed (issue 10 item 3)', () => {
  it(`n working days land on a working day, count back to n, and grow with n and with the instant (${FUZZ_RUNS / 2} deadlines)`, () => {
    fc.assert(
      fc.property(kindArb, instantArb, fc.nat(60), fc.nat(3 * 86_400_000), (kind, at, n, later) => {
        const r = addWorkingDays(cal, kind, at, n);
        if (!r.ok) {
          // Only the end of the coverage stops a deadline inside it.
          expect(r.error.code).toBe('CALENDAR.OUT_OF_COVERAGE');
          return;
        }
        const due = r.value;
        expect(must(isWorkingDay(cal, due.dueDate))).toBe(true);
        expect(must(isWorkingDay(cal, due.acceptedOn))).toBe(true);
        expect(toCivil(due.dueMs).date).toBe(due.dueDate);
        expect(due.dueMs).toBeGreaterThanOrEqual(at);
        expect(must(workingDaysBetween(cal, due.acceptedOn, due.dueDate))).toBe(n);
        expect(must(workingDaysBetween(cal, due.dueDate, due.acceptedOn))).toBe(n === 0 ? 0 : -n);
        const more = addWorkingDays(cal, kind, at, n + 1);
        if (more.ok) expect(more.value.dueMs).toBeGreaterThan(due.dueMs);
        const after = addWorkingDays(cal, kind, at + later, n);
        if (after.ok) expect(after.value.dueMs).toBeGreaterThanOrEqual(due.dueMs);
      }),
      // Three deadlines of up to 61 days each per case: half of FUZZ_RUNS.
      fuzzOptions(2),
    );
  });

  it(`the next working day skips only days off (${FUZZ_RUNS} days)`, () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const r = nextWorkingDay(cal, day);
        if (!r.ok) {
          expect(r.error.code).toBe('CALENDAR.OUT_OF_COVERAGE');
          return;
        }
        expect(r.value > day).toBe(true);
        expect(must(isWorkingDay(cal, r.value))).toBe(true);
        for (let d = addDays(day, 1); d < r.value; d = addDays(d, 1))
          expect(must(isWorkingDay(cal, d))).toBe(false);
        // A stretch of days off is never longer than the longest holiday run (New Year + a weekend + transfers).
        expect(toDayNumber(r.value) - toDayNumber(day)).toBeLessThanOrEqual(11);
      }),
      fuzzOptions(),
    );
  });

  it(`counting working days adds up over any split (${FUZZ_RUNS / 2} ranges)`, () => {
    fc.assert(
      fc.property(dayArb, fc.nat(60), fc.nat(60), (a, x, y) => {
        const b = addDays(a, x);
        const c = addDays(b, y);
        fc.pre(toDayNumber(c) <= last);
        const whole = must(countWorkingDays(cal, a, c));
        expect(must(countWorkingDays(cal, a, b)) + must(countWorkingDays(cal, addDays(b, 1), c))).toBe(whole);
        expect(whole).toBeLessThanOrEqual(x + y + 1);
        expect(must(workingDaysBetween(cal, a, c))).toBe(whole - (must(isWorkingDay(cal, a)) ? 1 : 0));
      }),
      fuzzOptions(2),
    );
  });

  it(`hostile arguments give coded errors, never a throw (${FUZZ_RUNS} calls)`, () => {
    const instant = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '2026-02-30T10:00:00+05:00',
        '2026-03-20T10:00:00',
        '9999-12-31T23:59:59Z',
        '-000001-01-01T00:00:00Z',
      ),
      fc.double(),
      fc.integer(),
    );
    const n = fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.double(), fc.constant(Number.NaN));
    fc.assert(
      fc.property(fc.oneof(kindArb, fc.string({ maxLength: 10 })), instant, n, (kind, at, days) => {
        // biome-ignore lint/suspicious/noExplicitAny: hostile input on purpose
        const r = addWorkingDays(cal, kind as any, at as any, days);
        if (!r.ok) expect(r.error.code).toMatch(CALENDAR_CODE);
        else expect(must(isWorkingDay(cal, r.value.dueDate))).toBe(true);
      }),
      fuzzOptions(),
    );
  });

  it(`a transfer on any two dates is applied or refused with a code (${FUZZ_RUNS / 10} transfers)`, () => {
    // Rebuilding the calendar is the expensive step: a tenth of FUZZ_RUNS.
    fc.assert(
      fc.property(dayArb, dayArb, (off, work) => {
        const r = addTransfer(cal, {
          off: off as PlainDate,
          work: work as PlainDate,
          basis: { act: 'test' },
        });
        if (!r.ok) {
          expect(r.error.code).toMatch(CALENDAR_CODE);
          return;
        }
        expect(must(isWorkingDay(r.value, off))).toBe(false);
        expect(must(isWorkingDay(r.value, work))).toBe(true);
      }),
      fuzzOptions(10),
    );
  });

  it(`buildCalendar refuses damaged calendar files with a code (${FUZZ_RUNS / 10} files)`, () => {
    const text = JSON.stringify(kzJson);
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.string({ maxLength: 3 }), fc.nat(3), (at, insert, drop) => {
        let json: unknown;
        try {
          json = JSON.parse(text.slice(0, at) + insert + text.slice(at + drop));
        } catch {
          json = { broken: text.slice(0, at) };
        }
        const r = buildCalendar(json);
        if (!r.ok) expect(r.error.code).toMatch(CALENDAR_CODE);
      }),
      fuzzOptions(10),
    );
  });
});

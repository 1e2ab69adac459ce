/**
 * Office hours and deadline arithmetic. Hours are a data table per kind of office; on a
 * non-working day of the calendar an office has no hours at all, and a transferred working Saturday has the
 * ordinary weekday hours. Instants are read in the schedule's zone (Asia/Almaty unless told otherwise).
 */
import { err, ok, type Result } from '../shared/result';
import type { PlainDate } from '../shared/plain-date';
import {
  DEFAULT_TIME_ZONE,
  eachDate,
  formatInstant,
  fromCivil,
  type InstantInput,
  isValidTimeZone,
  parseInstant,
  toCivil,
} from './civil-time';
import {
  checkCoverage,
  dayInfo,
  nextWorkingDay,
  type WorkingCalendar,
  workingUnchecked,
} from './working-calendar';

export type OfficeScheduleKind =
  | 'akimat'
  | 'psc'
  | 'psc_branch'
  | 'akimat_complaints'
  | 'psc_branch_complaints';

export interface OpeningInterval {
  /** `HH:MM`, civil time. */
  readonly from: string;
  readonly to: string;
}

/**
 * R-10 (§9, §21, §22), as the seed states them. The akimat accepts complaints until 20:00 although it
 * otherwise closes at 18:00 — a seed quirk kept on purpose (SPEC, "Seed quirks").
 */
export const OFFICE_HOURS: Readonly<Record<OfficeScheduleKind, readonly OpeningInterval[]>> = {
  akimat: [
    { from: '09:00', to: '13:00' },
    { from: '14:00', to: '18:00' },
  ],
  psc: [{ from: '09:00', to: '20:00' }],
  psc_branch: [
    { from: '09:00', to: '13:00' },
    { from: '14:00', to: '19:00' },
  ],
  akimat_complaints: [
    { from: '09:00', to: '13:00' },
    { from: '14:00', to: '20:00' },
  ],
  psc_branch_complaints: [
    { from: '09:00', to: '13:00' },
    { from: '14:00', to: '19:00' },
  ],
};

export const OFFICE_SCHEDULE_KINDS = Object.keys(OFFICE_HOURS) as OfficeScheduleKind[];

export interface OfficeSchedule {
  readonly kind: string;
  readonly timeZone: string;
  /** Sorted, disjoint, minutes since midnight; `to` is the moment the office closes. */
  readonly intervals: readonly { readonly from: number; readonly to: number }[];
}

/** A kind from `OFFICE_HOURS` in Asia/Almaty, or a schedule built with `makeSchedule`. */
export type ScheduleInput = OfficeScheduleKind | OfficeSchedule;

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

function minutesOf(hhmm: string): number | undefined {
  const m = HHMM.exec(hhmm);
  if (!m) return undefined;
  return m[1] === undefined ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

/** Validates a custom schedule: `HH:MM` times, each interval non-empty, sorted and not overlapping. */
export function makeSchedule(
  kind: string,
  intervals: readonly OpeningInterval[],
  timeZone: string = DEFAULT_TIME_ZONE,
): Result<OfficeSchedule> {
  if (!isValidTimeZone(timeZone))
    return err('CALENDAR.BAD_TIME_ZONE', `unknown time zone ${timeZone}`, { timeZone });
  if (intervals.length === 0)
    return err('CALENDAR.BAD_SCHEDULE', 'a schedule needs at least one interval', { kind });
  const out: { from: number; to: number }[] = [];
  for (const [i, iv] of intervals.entries()) {
    const from = minutesOf(iv.from);
    const to = minutesOf(iv.to);
    const prev = out[out.length - 1];
    if (from === undefined || to === undefined || from >= to || (prev && from < prev.to)) {
      return err('CALENDAR.BAD_SCHEDULE', 'intervals must be HH:MM, non-empty, sorted and disjoint', {
        kind,
        index: i,
        interval: iv,
      });
    }
    out.push({ from, to });
  }
  return ok({ kind, timeZone, intervals: out });
}

/** The schedule of an office kind, in `timeZone` (default Asia/Almaty). */
export function scheduleFor(kind: OfficeScheduleKind, timeZone: string = DEFAULT_TIME_ZONE): OfficeSchedule {
  const s = makeSchedule(kind, OFFICE_HOURS[kind], timeZone);
  if (!s.ok) throw new RangeError(`${s.error.code}: ${s.error.message}`);
  return s.value;
}

function resolve(schedule: ScheduleInput): Result<OfficeSchedule> {
  if (typeof schedule !== 'string') return ok(schedule);
  if (!Object.hasOwn(OFFICE_HOURS, schedule)) {
    return err('CALENDAR.UNKNOWN_SCHEDULE', `unknown office schedule ${String(schedule)}`, {
      schedule,
      known: OFFICE_SCHEDULE_KINDS,
    });
  }
  return ok(scheduleFor(schedule));
}

function closingMinute(s: OfficeSchedule): number {
  return s.intervals[s.intervals.length - 1]?.to ?? 0;
}

function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export interface OpenPeriod {
  /** Civil `HH:MM` in the schedule's zone. */
  readonly from: string;
  readonly to: string;
  /** ISO instants with the offset in force (`2025-03-24T09:00:00+05:00`). */
  readonly fromInstant: string;
  readonly toInstant: string;
  readonly fromMs: number;
  readonly toMs: number;
}

function periodsOf(s: OfficeSchedule, date: PlainDate): OpenPeriod[] {
  return s.intervals.map((iv) => {
    const fromMs = fromCivil(date, iv.from, s.timeZone);
    const toMs = fromCivil(date, iv.to, s.timeZone);
    return {
      from: hhmm(iv.from),
      to: hhmm(iv.to),
      fromInstant: formatInstant(fromMs, s.timeZone),
      toInstant: formatInstant(toMs, s.timeZone),
      fromMs,
      toMs,
    };
  });
}

/** the open periods of `date` (empty on a day off; ordinary hours on a transferred working Saturday). */
export function officeHours(
  cal: WorkingCalendar,
  schedule: ScheduleInput,
  date: PlainDate,
): Result<OpenPeriod[]> {
  const s = resolve(schedule);
  if (!s.ok) return s;
  const info = dayInfo(cal, date);
  if (!info.ok) return info;
  return ok(info.value.working ? periodsOf(s.value, date) : []);
}

/** open at `instant` — periods are half-open, so the office is closed at 18:00:00 sharp. */
export function isOpen(
  cal: WorkingCalendar,
  schedule: ScheduleInput,
  instant: InstantInput,
): Result<boolean> {
  const s = resolve(schedule);
  if (!s.ok) return s;
  const ms = parseInstant(instant);
  if (!ms.ok) return ms;
  const civil = toCivil(ms.value, s.value.timeZone);
  const working = dayInfo(cal, civil.date);
  if (!working.ok) return working;
  return ok(
    working.value.working && s.value.intervals.some((iv) => civil.minute >= iv.from && civil.minute < iv.to),
  );
}

export interface Deadline {
  /** The closing moment of the n-th working day, ISO with the offset in force then (`…T20:00:00+05:00`). */
  readonly due: string;
  readonly dueMs: number;
  readonly dueDate: PlainDate;
  /**
   * The working day the acceptance counts as: the civil day of the instant, or the next working day when it
   * came after closing time or on a day off. This day itself is not counted.
   */
  readonly acceptedOn: PlainDate;
}

/**
 * the deadline `n` working days after acceptance at `instant`. The day of acceptance is not counted;
 * an acceptance after closing time or on a non-working day is taken as made on the next working day (and
 * that day is not counted either); the result is due at the closing time of the n-th working day. `n = 0`
 * gives the closing time of the day of acceptance (the akimat serves within the visit).
 */
export function addWorkingDays(
  cal: WorkingCalendar,
  schedule: ScheduleInput,
  instant: InstantInput,
  n: number,
): Result<Deadline> {
  if (!Number.isInteger(n) || n < 0) {
    return err('CALENDAR.BAD_WORKING_DAYS', 'the number of working days must be a whole number ≥ 0', { n });
  }
  const s = resolve(schedule);
  if (!s.ok) return s;
  const ms = parseInstant(instant);
  if (!ms.ok) return ms;
  const closing = closingMinute(s.value);
  const civil = toCivil(ms.value, s.value.timeZone);
  const today = dayInfo(cal, civil.date);
  if (!today.ok) return today;
  let day = civil.date;
  if (!today.value.working || civil.minute >= closing) {
    const next = nextWorkingDay(cal, day);
    if (!next.ok) return next;
    day = next.value;
  }
  const acceptedOn = day;
  for (let i = 0; i < n; i++) {
    const next = nextWorkingDay(cal, day);
    if (!next.ok) return next;
    day = next.value;
  }
  const dueMs = fromCivil(day, closing, s.value.timeZone);
  return ok({ due: formatInstant(dueMs, s.value.timeZone), dueMs, dueDate: day, acceptedOn });
}

/** Open time between two instants, in milliseconds (exact, so sums over split ranges add up). */
export function openMillisBetween(
  cal: WorkingCalendar,
  schedule: ScheduleInput,
  from: InstantInput,
  to: InstantInput,
): Result<number> {
  const s = resolve(schedule);
  if (!s.ok) return s;
  const a = parseInstant(from);
  if (!a.ok) return a;
  const b = parseInstant(to);
  if (!b.ok) return b;
  if (b.value < a.value) {
    return err('CALENDAR.BAD_RANGE', 'the range ends before it starts', { from, to });
  }
  const first = toCivil(a.value, s.value.timeZone).date;
  const last = toCivil(b.value, s.value.timeZone).date;
  const covered = checkCoverage(cal, first, last);
  if (!covered.ok) return covered;
  let total = 0;
  for (const date of eachDate(first, last)) {
    if (!workingUnchecked(cal, date)) continue;
    for (const iv of s.value.intervals) {
      const start = Math.max(a.value, fromCivil(date, iv.from, s.value.timeZone));
      const end = Math.min(b.value, fromCivil(date, iv.to, s.value.timeZone));
      if (end > start) total += end - start;
    }
  }
  return ok(total);
}

/**
 * minutes the office was open between two instants (a queue wait that spans lunch or the night counts
 * only open time). Fractional: 90 seconds is 1.5.
 */
export function openMinutesBetween(
  cal: WorkingCalendar,
  schedule: ScheduleInput,
  from: InstantInput,
  to: InstantInput,
): Result<number> {
  const msBetween = openMillisBetween(cal, schedule, from, to);
  return msBetween.ok ? ok(msBetween.value / 60_000) : msBetween;
}

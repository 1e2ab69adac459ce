/**
 * R-7 deadlines of an application and the flags of officers' lists (issue 5: amber at 75 % of the time, red
 * when overdue). The 75 % mark is computed once, when the clock starts, in office open time for working-day
 * rules — so "three quarters used" means three quarters of the hours the office can actually work on it — and
 * stored with the deadline, so lists (and SQL) compare instants only.
 */
import {
  addWorkingDays,
  DEFAULT_TIME_ZONE,
  formatInstant,
  type InstantInput,
  officeHours,
  openMillisBetween,
  parseInstant,
  type ScheduleInput,
  toCivil,
  type WorkingCalendar,
} from '../calendar/index';
import { addDays } from '../shared/plain-date';
import { err, ok, type Result } from '../shared/result';
import type { Application, ApplicationDeadline, DeadlineRule } from './application';

/** Amber from this share of the time used (issue 5). */
export const AMBER_SHARE = 0.75;

export type DeadlineFlag = 'ok' | 'amber' | 'red';

const MS_PER_MINUTE = 60_000;

const zoneOf = (schedule: ScheduleInput): string =>
  typeof schedule === 'string' ? DEFAULT_TIME_ZONE : schedule.timeZone;

export function validateDeadlineRule(rule: DeadlineRule): Result<DeadlineRule> {
  const known = rule.unit === 'working_days' || rule.unit === 'minutes';
  if (!known || !Number.isInteger(rule.amount) || rule.amount < 0 || rule.amount > 10_000) {
    return err(
      'APPLICATION.BAD_DEADLINE_RULE',
      'a deadline is a whole number ≥ 0 of working days or minutes',
      {
        rule,
      },
    );
  }
  return ok(rule);
}

/**
 * The deadline that starts at `start`. Working days need the calendar and the office's schedule (its closing
 * time is the due time); outside the calendar's coverage this fails with `CALENDAR.OUT_OF_COVERAGE`.
 */
export function computeDeadline(
  rule: DeadlineRule,
  start: InstantInput,
  calendar: WorkingCalendar | undefined,
  schedule: ScheduleInput,
): Result<ApplicationDeadline> {
  const valid = validateDeadlineRule(rule);
  if (!valid.ok) return valid;
  const startMs = parseInstant(start);
  if (!startMs.ok) return startMs;
  const zone = zoneOf(schedule);
  const startAt = formatInstant(startMs.value, zone);
  if (rule.unit === 'minutes') {
    const dueMs = startMs.value + rule.amount * MS_PER_MINUTE;
    const amberMs = startMs.value + Math.round(rule.amount * MS_PER_MINUTE * AMBER_SHARE);
    return ok({
      rule,
      startAt,
      startMs: startMs.value,
      dueAt: formatInstant(dueMs, zone),
      dueMs,
      dueDate: toCivil(dueMs, zone).date,
      amberAt: formatInstant(amberMs, zone),
      amberMs,
    });
  }
  if (calendar === undefined) {
    return err('APPLICATION.CALENDAR_REQUIRED', 'a deadline in working days needs the working calendar');
  }
  const due = addWorkingDays(calendar, schedule, startMs.value, rule.amount);
  if (!due.ok) return due;
  const amberMs = openTimeMark(calendar, schedule, startMs.value, due.value.dueMs, AMBER_SHARE);
  if (!amberMs.ok) return amberMs;
  return ok({
    rule,
    startAt,
    startMs: startMs.value,
    dueAt: due.value.due,
    dueMs: due.value.dueMs,
    dueDate: due.value.dueDate,
    amberAt: formatInstant(amberMs.value, zone),
    amberMs: amberMs.value,
  });
}

/**
 * The instant at which `share` of the office's open time between `fromMs` and `toMs` has passed. Periods are
 * walked day by day from the start's civil date; the due date bounds the walk.
 */
function openTimeMark(
  calendar: WorkingCalendar,
  schedule: ScheduleInput,
  fromMs: number,
  toMs: number,
  share: number,
): Result<number> {
  const total = openMillisBetween(calendar, schedule, fromMs, toMs);
  if (!total.ok) return total;
  if (total.value === 0) return ok(toMs);
  let remaining = Math.round(total.value * share);
  const zone = zoneOf(schedule);
  const lastDate = toCivil(toMs, zone).date;
  for (let date = toCivil(fromMs, zone).date; date <= lastDate; date = addDays(date, 1)) {
    const periods = officeHours(calendar, schedule, date);
    if (!periods.ok) return periods;
    for (const p of periods.value) {
      const start = Math.max(p.fromMs, fromMs);
      const end = Math.min(p.toMs, toMs);
      if (end <= start) continue;
      if (end - start >= remaining) return ok(start + remaining);
      remaining -= end - start;
    }
  }
  return ok(toMs);
}

/**
 * Officers' and directors' lists (issue 5): `red` once the due moment has passed, `amber` from the 75 % mark,
 * else `ok`. When the clock has stopped (the result is available to the applicant) the flag is read at that
 * moment, so a late application stays red in reports, and one finished in time reads ok, never amber. No deadline (a PSC application still at intake): `ok`.
 */
export function deadlineFlag(application: Application, now: InstantInput): DeadlineFlag {
  const d = application.deadline;
  if (d === null) return 'ok';
  const at = parseInstant(application.completedAt ?? now);
  if (!at.ok) return 'ok';
  if (at.value > d.dueMs) return 'red';
  // Amber warns while the clock runs; a finished application was on time or late, nothing in between (an
  // online application, due the moment it is made, would otherwise always read amber).
  if (application.completedAt !== null) return 'ok';
  if (at.value >= d.amberMs) return 'amber';
  return 'ok';
}

/**
 * Indicator 1.1: was the result available by the due moment? Undefined while the clock runs or when the
 * application had no deadline (refused at PSC intake before acceptance).
 */
export function isOnTime(application: Application): boolean | undefined {
  if (application.deadline === null || application.completedAt === null) return undefined;
  const at = parseInstant(application.completedAt);
  return at.ok ? at.value <= application.deadline.dueMs : undefined;
}

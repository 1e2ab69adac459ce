/**
 * when a complaint may be handed in at an office, when its answer is due, and how urgent it looks
 * to the reviewer. The hours and the working-day arithmetic are the calendar domain's (office-hours.ts).
 */
import {
  addWorkingDays,
  formatInstant,
  isOpen,
  officeHours,
  type OfficeScheduleKind,
  toCivil,
  type WorkingCalendar,
} from '../calendar';
import type { PlainDate } from '../shared/plain-date';
import { err, ok, type Result } from '../shared/result';
import type { ComplaintStatus } from './complaint';

/** 5 working days from registration (Law «On state services», 2013); configurable. */
export const DEFAULT_REVIEW_WORKING_DAYS = 5;

/** R-10 (§21, §22): the complaint-acceptance hours by the directory's office schedule. */
export const INTAKE_SCHEDULE: Readonly<Record<'akimat' | 'psc' | 'psc_branch', OfficeScheduleKind>> = {
  akimat: 'akimat_complaints',
  // The PSC itself is open 09:00–20:00 without a break and accepts complaints while open.
  psc: 'psc',
  psc_branch: 'psc_branch_complaints',
};

/** The answer is due at the close of complaint hours (20:00 at the akimat) of the last working day. */
export const DEADLINE_SCHEDULE: OfficeScheduleKind = 'akimat_complaints';

/**
 * an official accepts a complaint at the counter only within the office's complaint hours, on a working
 * day; otherwise `COMPLAINT.OUTSIDE_HOURS` with the hours of that day (empty on a day off).
 */
export function checkOfficeIntake(
  cal: WorkingCalendar,
  officeSchedule: keyof typeof INTAKE_SCHEDULE,
  nowMs: number,
): Result<true> {
  const schedule = INTAKE_SCHEDULE[officeSchedule];
  const open = isOpen(cal, schedule, nowMs);
  if (!open.ok) return open;
  if (open.value) return ok(true);
  const date = toCivil(nowMs).date;
  const hours = officeHours(cal, schedule, date);
  return err('COMPLAINT.OUTSIDE_HOURS', 'complaints are accepted at the office only within complaint hours', {
    schedule,
    date,
    at: formatInstant(nowMs),
    hours: hours.ok ? hours.value.map((p) => `${p.from}–${p.to}`) : [],
  });
}

export interface ComplaintDeadline {
  /** The answer is due by this instant (ISO with offset). */
  readonly due: string;
  readonly dueMs: number;
  /** From this instant the reviewer's list shows the complaint amber (the last working day). */
  readonly amberFromMs: number;
  /** The working day the complaint counts as received: out of hours or on a day off, the next working day. */
  readonly countsFrom: PlainDate;
}

/**
 * `workingDays` working days after registration, the day of registration not counted; a complaint
 * received online out of hours or on a day off counts from the next working day (addWorkingDays does this).
 */
export function complaintDeadline(
  cal: WorkingCalendar,
  registeredAtMs: number,
  workingDays: number = DEFAULT_REVIEW_WORKING_DAYS,
): Result<ComplaintDeadline> {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    return err('COMPLAINT.BAD_DEADLINE_RULE', 'the review term must be a whole number of working days ≥ 1', {
      workingDays,
    });
  }
  const due = addWorkingDays(cal, DEADLINE_SCHEDULE, registeredAtMs, workingDays);
  if (!due.ok) return due;
  const amber = addWorkingDays(cal, DEADLINE_SCHEDULE, registeredAtMs, workingDays - 1);
  if (!amber.ok) return amber;
  return ok({
    due: due.value.due,
    dueMs: due.value.dueMs,
    amberFromMs: Math.max(registeredAtMs, amber.value.dueMs),
    countsFrom: due.value.acceptedOn,
  });
}

/**
 * How the reviewer's list shows a complaint: open ones green, amber or red; answered ones `none` (answered by the
 * deadline) or `late` (answered after it).
 */
export type DeadlineFlag = 'none' | 'late' | 'green' | 'amber' | 'red';

/**
 * green while more than one working day remains, amber on the last working day (after the close of the
 * day before), red once the deadline has passed without an answer. An answer given after the deadline stays
 * marked late — the deadline is the one of registration, kept through forwarding and escalation — where one given
 * by it (at or before the due instant, as indicator 4.2 counts it) has no flag.
 */
export function deadlineFlag(
  status: ComplaintStatus,
  nowMs: number,
  amberFromMs: number,
  dueMs: number,
  answeredAtMs: number | null,
): DeadlineFlag {
  if (status === 'answered') return answeredAtMs !== null && answeredAtMs > dueMs ? 'late' : 'none';
  if (nowMs >= dueMs) return 'red';
  if (nowMs >= amberFromMs) return 'amber';
  return 'green';
}

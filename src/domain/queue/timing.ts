/**
 * R-8 with R-10: a wait (issued → first call) and a service (first call → finish) count only the minutes the
 * office was open — a ticket taken at 08:50 starts waiting at 09:00, and the lunch hour of an akimat does not
 * count against anyone.
 */
import {
  DEFAULT_TIME_ZONE,
  type InstantInput,
  openMillisBetween,
  parseInstant,
  type ScheduleInput,
  type WorkingCalendar,
} from '../calendar/index';
import { ok, type Result } from '../shared/result';

/** Minutes rounded to hundredths (0.6 s): enough for statistics, and free of float noise in storage. */
export const roundMinutes = (minutes: number): number => Math.round(minutes * 100) / 100;

/**
 * Open minutes between two instants. An end before the start (clocks of two server instances a little
 * apart) counts as zero rather than failing a call at the desk.
 */
export function openMinutes(
  cal: WorkingCalendar,
  schedule: ScheduleInput,
  from: InstantInput,
  to: InstantInput,
): Result<number> {
  const a = parseInstant(from);
  if (!a.ok) return a;
  const b = parseInstant(to);
  if (!b.ok) return b;
  if (b.value <= a.value) return ok(0);
  const ms = openMillisBetween(cal, schedule, a.value, b.value);
  return ms.ok ? ok(roundMinutes(ms.value / 60_000)) : ms;
}

export function timeZoneOf(schedule: ScheduleInput): string {
  return typeof schedule === 'string' ? DEFAULT_TIME_ZONE : schedule.timeZone;
}

export interface TicketTimes {
  readonly issuedAt: string;
  readonly firstCalledAt: string | null;
  readonly finishedAt: string | null;
}

/** The wait and service of a ticket as far as they have gone at `now` (live alerts, the console's clock). */
export function elapsedTimes(
  cal: WorkingCalendar,
  schedule: ScheduleInput,
  ticket: TicketTimes,
  now: InstantInput,
): Result<{ waitMinutes: number; serviceMinutes: number | null }> {
  const wait = openMinutes(cal, schedule, ticket.issuedAt, ticket.firstCalledAt ?? now);
  if (!wait.ok) return wait;
  if (ticket.firstCalledAt === null) return ok({ waitMinutes: wait.value, serviceMinutes: null });
  const service = openMinutes(cal, schedule, ticket.firstCalledAt, ticket.finishedAt ?? now);
  if (!service.ok) return service;
  return ok({ waitMinutes: wait.value, serviceMinutes: service.value });
}

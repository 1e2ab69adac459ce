/**
 * Issue 6, item 4, with R-10: tickets still waiting when the office closes are closed as `office_closed` (and
 * reported), and a ticket left open from a day that has passed is closed too, so that no day's queue leaks
 * into the next. Tickets may be taken on a working day until closing time, also before opening (people queue
 * at the door), never on a day off.
 */
import {
  formatInstant,
  fromCivil,
  type InstantInput,
  nextWorkingDay,
  officeHours,
  parseInstant,
  type ScheduleInput,
  toCivil,
  type WorkingCalendar,
} from '../calendar/index';
import type { PlainDate } from '../shared/plain-date';
import { err, ok, type Result } from '../shared/result';
import { queueDayOf } from './numbering';
import { isFinalTicket, isWaiting, type Ticket } from './ticket';
import { timeZoneOf } from './timing';

/** The moment the office closes on `day`; on a day off, the day's first moment (it never opened). */
export function closingMs(cal: WorkingCalendar, schedule: ScheduleInput, day: PlainDate): Result<number> {
  const periods = officeHours(cal, schedule, day);
  if (!periods.ok) return periods;
  const last = periods.value[periods.value.length - 1];
  return ok(last ? last.toMs : fromCivil(day, 0, timeZoneOf(schedule)));
}

/** The next moment the office opens after `instant` (for "closed — opens at …" on the kiosk). */
export function nextOpeningMs(
  cal: WorkingCalendar,
  schedule: ScheduleInput,
  instant: InstantInput,
): Result<number> {
  const ms = parseInstant(instant);
  if (!ms.ok) return ms;
  let day = toCivil(ms.value, timeZoneOf(schedule)).date;
  // A year of days off in a row does not exist; the bound only keeps a broken calendar from looping.
  for (let i = 0; i < 366; i++) {
    const periods = officeHours(cal, schedule, day);
    if (!periods.ok) return periods;
    const next = periods.value.find((p) => p.toMs > ms.value);
    if (next) return ok(Math.max(next.fromMs, ms.value));
    const following = nextWorkingDay(cal, day);
    if (!following.ok) return following;
    day = following.value;
  }
  return err('QUEUE.OFFICE_CLOSED', 'the office does not open within a year', {});
}

/** a ticket can be taken on a working day until closing time (before opening too). */
export function checkIssuable(
  cal: WorkingCalendar,
  schedule: ScheduleInput,
  instant: InstantInput,
): Result<true> {
  const ms = parseInstant(instant);
  if (!ms.ok) return ms;
  const day = toCivil(ms.value, timeZoneOf(schedule)).date;
  const closing = closingMs(cal, schedule, day);
  if (!closing.ok) return closing;
  const periods = officeHours(cal, schedule, day);
  if (!periods.ok) return periods;
  if (periods.value.length > 0 && ms.value < closing.value) return ok(true);
  const opens = nextOpeningMs(cal, schedule, ms.value);
  return err('QUEUE.OFFICE_CLOSED', 'the office is closed now; tickets are given on working days', {
    ...(opens.ok ? { opensAt: formatInstant(opens.value, timeZoneOf(schedule)) } : {}),
  });
}

export type CloseReason = 'closing_time' | 'day_passed';

export interface TicketToClose {
  readonly ticket: Ticket;
  /** The moment the close is recorded at: the closing time, or later when the ticket moved after it. */
  readonly at: number;
  readonly reason: CloseReason;
}

function latestInstant(t: Ticket): number {
  const instants = [t.issuedAt, t.lastCalledAt, t.startedAt].filter((x): x is string => x !== null);
  return Math.max(...instants.map((x) => Date.parse(x)));
}

/**
 * Which tickets the closing sweep ends at `now`: today's waiting tickets once the office has closed, and
 * every unfinished ticket of an earlier day. The close is dated at closing time even when the sweep runs
 * later, so that a late sweep does not lengthen anyone's measured wait.
 */
export function ticketsToClose(
  cal: WorkingCalendar,
  schedule: ScheduleInput,
  tickets: readonly Ticket[],
  now: InstantInput,
): Result<TicketToClose[]> {
  const nowMs = parseInstant(now);
  if (!nowMs.ok) return nowMs;
  const today = queueDayOf(nowMs.value, timeZoneOf(schedule));
  if (!today.ok) return today;
  const out: TicketToClose[] = [];
  const closings = new Map<PlainDate, number>();
  for (const ticket of tickets) {
    if (isFinalTicket(ticket.status)) continue;
    let closing = closings.get(ticket.day);
    if (closing === undefined) {
      const c = closingMs(cal, schedule, ticket.day);
      if (!c.ok) return c;
      closing = c.value;
      closings.set(ticket.day, closing);
    }
    const at = Math.max(closing, latestInstant(ticket));
    if (ticket.day < today.value) {
      out.push({ ticket, at, reason: 'day_passed' });
    } else if (ticket.day === today.value && isWaiting(ticket.status) && nowMs.value >= closing) {
      out.push({ ticket, at, reason: 'closing_time' });
    }
  }
  return ok(out);
}

/**
 * The director's live alerts (issue 6 item 3, R-8): someone has waited `waitAlertMinutes` (8) open minutes,
 * before the 10-minute limit is broken; a service has passed `serviceAlertMinutes` (10).
 */
import type { InstantInput, ScheduleInput, WorkingCalendar } from '../calendar/index';
import { ok, type Result } from '../shared/result';
import { DEFAULT_QUEUE_RULES, isAtDesk, isWaiting, type QueueRules, type Ticket } from './ticket';
import { elapsedTimes } from './timing';

export interface QueueAlert {
  readonly kind: 'long_wait' | 'long_service';
  readonly ticketId: string;
  readonly number: string;
  readonly officeId: string;
  /** The desk serving the ticket (long service), or the desk it was transferred to; else null. */
  readonly deskId: string | null;
  readonly minutes: number;
  /** The R-8 limit itself (10 minutes) is already broken, not only the alert threshold. */
  readonly limitBroken: boolean;
}

/** Alerts for the tickets as they stand at `now`, longest first. */
export function liveAlerts(
  cal: WorkingCalendar,
  schedule: ScheduleInput,
  tickets: readonly Ticket[],
  now: InstantInput,
  rules: QueueRules = DEFAULT_QUEUE_RULES,
): Result<QueueAlert[]> {
  const out: QueueAlert[] = [];
  for (const t of tickets) {
    if (!isWaiting(t.status) && !isAtDesk(t.status)) continue;
    const times = elapsedTimes(cal, schedule, t, now);
    if (!times.ok) return times;
    const base = { ticketId: t.id, number: t.number, officeId: t.officeId };
    if (t.status === 'issued' && times.value.waitMinutes >= rules.waitAlertMinutes) {
      out.push({
        ...base,
        kind: 'long_wait',
        deskId: null,
        minutes: times.value.waitMinutes,
        limitBroken: times.value.waitMinutes > rules.maxWaitMinutes,
      });
    }
    const service = times.value.serviceMinutes;
    if (t.firstCalledAt !== null && service !== null && service > rules.serviceAlertMinutes) {
      out.push({
        ...base,
        kind: 'long_service',
        deskId: t.status === 'transferred' ? t.targetDeskId : t.deskId,
        minutes: service,
        limitBroken: service > rules.maxServiceMinutes,
      });
    }
  }
  return ok(out.sort((a, b) => b.minutes - a.minutes || (a.number < b.number ? -1 : 1)));
}

/**
 * The expected wait printed on a ticket: the people ahead share the open desks, each taking the typical
 * service time. A rough, honest figure: whole minutes, rounded up.
 */
export function expectedWaitMinutes(
  peopleAhead: number,
  typicalServiceMinutes: number,
  openDesks: number,
): number {
  if (peopleAhead <= 0) return 0;
  return Math.ceil((peopleAhead * Math.max(0, typicalServiceMinutes)) / Math.max(1, openDesks));
}

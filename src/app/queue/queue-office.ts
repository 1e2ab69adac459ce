/**
 * What the queue's use cases share (issue 6): the office and its hours (R-10, from the office directory and the
 * working calendar), the access check (R-14 policy: operators act on their own office's queue, the director
 * supervises it), and the feed event of a transition.
 */
import { ACCESS, type Action, decide } from '../../domain/access/policy';
import { DEFAULT_TIME_ZONE, toCivil, type WorkingCalendar } from '../../domain/calendar';
import type { DeskRef, Ticket, TicketContext, TicketEvent } from '../../domain/queue';
import type { PlainDate } from '../../domain/shared/plain-date';
import { type Err, err } from '../../domain/shared/result';
import { toActor } from '../auth/user-view';
import { fail } from '../errors';
import type { Deps, Office, QueueFeedEvent, Repositories, UserRecord } from '../ports';

export async function findOffice(repos: Repositories, officeId: string): Promise<Office | Err> {
  const office = await repos.offices.findById(officeId);
  return office ?? err('QUEUE.OFFICE_NOT_FOUND', 'no office with that id', { officeId });
}

/** Rolls the transaction back with this coded error (`toErr` turns it back into a Result outside). */
export function failWith(e: Err): never {
  return fail(e.error.code, e.error.message, e.error.details as Record<string, unknown> | undefined);
}

export const isErr = (v: unknown): v is Err =>
  typeof v === 'object' && v !== null && (v as Err).ok === false && 'error' in v;

/**
 * R-14 for the queue: an akimat officer reaches the queue of their own rural akimat (by KATO), a PSC operator or
 * director that of their own office. A role that has the action but not this office gets QUEUE.WRONG_OFFICE;
 * a role without the action at all, AUTH.FORBIDDEN.
 */
export function checkQueueAccess(user: UserRecord, action: Action, office: Office): Err | undefined {
  const resource = { officeId: office.id, kato: office.kind === 'rural_akimat' ? office.kato : null };
  const d = decide(toActor(user), action, resource);
  if (d.allowed) return undefined;
  if (ACCESS[user.role][action] === undefined) return err('AUTH.FORBIDDEN', d.reason);
  return err('QUEUE.WRONG_OFFICE', 'this queue belongs to another office', { officeId: office.id });
}

/** The queue's civil day now (Asia/Almaty). */
export function queueToday(deps: Pick<Deps, 'clock'>): PlainDate {
  return toCivil(deps.clock.now().getTime(), DEFAULT_TIME_ZONE).date;
}

/**
 * The domain's context of a transition. `calendar` is read before the transaction (`deps.calendar.current()` may
 * query the database, and on PGlite the one connection is held by the transaction).
 */
export function ticketContext(
  deps: Pick<Deps, 'clock' | 'queueRules'>,
  calendar: WorkingCalendar,
  office: Office,
  actorId: string | null,
  at: number = deps.clock.now().getTime(),
): TicketContext {
  return {
    at,
    actorId,
    calendar,
    schedule: office.schedule,
    rules: deps.queueRules,
  };
}

export function feedEvent(ticket: Ticket, event: TicketEvent, desk: DeskRef | null): QueueFeedEvent {
  return {
    officeId: ticket.officeId,
    ticketId: ticket.id,
    number: ticket.number,
    action: event.action,
    status: ticket.status,
    deskNumber: desk?.number ?? null,
    at: event.at,
  };
}

/** What the API shows of a ticket: no personal data, a ticket is a number. */
export interface TicketView {
  readonly id: string;
  readonly officeId: string;
  readonly day: string;
  readonly number: string;
  readonly status: Ticket['status'];
  readonly issuedAt: string;
  readonly firstCalledAt: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly deskNumber: number | null;
  readonly targetDeskNumber: number | null;
  readonly recalls: number;
  readonly waitMinutes: number | null;
  readonly serviceMinutes: number | null;
  readonly applicationId: string | null;
}

export function toTicketView(t: Ticket, desks: readonly DeskRef[]): TicketView {
  const numberOf = (id: string | null) =>
    id === null ? null : (desks.find((d) => d.id === id)?.number ?? null);
  return {
    id: t.id,
    officeId: t.officeId,
    day: t.day,
    number: t.number,
    status: t.status,
    issuedAt: t.issuedAt,
    firstCalledAt: t.firstCalledAt,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    deskNumber: numberOf(t.deskId),
    targetDeskNumber: numberOf(t.targetDeskId),
    recalls: t.recalls,
    waitMinutes: t.waitMinutes,
    serviceMinutes: t.serviceMinutes,
    applicationId: t.applicationId,
  };
}

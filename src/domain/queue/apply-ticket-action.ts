/**
 * The transitions of a walk-in ticket (R-8, R-9, issue 6). `issueTicket` creates one, `applyTicketAction`
 * moves it along `TICKET_TRANSITIONS`; both return the new value and its append-only event row, and measure
 * the wait and the service in open minutes at the moment they end. Who may operate a queue at all
 * is the access policy's question (domain/access); this checks that the desk belongs to the ticket's office
 * and holds the ticket, and that the ticket is today's.
 */
import {
  formatInstant,
  type InstantInput,
  parseInstant,
  type ScheduleInput,
  type WorkingCalendar,
} from '../calendar/index';
import { err, ok, type Result } from '../shared/result';
import { checkIssuable, type CloseReason } from './closing';
import { formatTicketNumber, queueDayOf } from './numbering';
import {
  allowedTicketActions,
  DEFAULT_QUEUE_RULES,
  type QueueRules,
  TICKET_ACTION_TARGET,
  TICKET_ACTIONS,
  type Ticket,
  type TicketAction,
  type TicketEvent,
  type TicketEventAction,
  type TicketStatus,
} from './ticket';
import { openMinutes, timeZoneOf } from './timing';

/** A desk of an office: operators call people to it by its number. */
export interface DeskRef {
  readonly id: string;
  readonly officeId: string;
  readonly number: number;
}

export interface TicketContext {
  /** When it happens (epoch ms, or ISO with an offset). */
  readonly at: InstantInput;
  /** The operator, or null for the kiosk and the server's closing sweep. */
  readonly actorId: string | null;
  readonly calendar: WorkingCalendar;
  /** The office's hours: only open minutes count. */
  readonly schedule: ScheduleInput;
  readonly rules?: QueueRules;
}

export type TicketCommand =
  | { readonly type: 'call'; readonly desk: DeskRef }
  | { readonly type: 'recall'; readonly desk: DeskRef }
  | { readonly type: 'start'; readonly desk: DeskRef }
  | { readonly type: 'finish'; readonly desk: DeskRef; readonly applicationId?: string | null }
  | { readonly type: 'no_show'; readonly desk: DeskRef }
  | { readonly type: 'transfer'; readonly desk: DeskRef; readonly to: DeskRef }
  | { readonly type: 'close'; readonly reason: CloseReason };

export interface TicketTransition {
  readonly ticket: Ticket;
  readonly event: TicketEvent;
}

export interface IssueInput {
  readonly id: string;
  readonly officeId: string;
  /** The office's next number of the day, taken under a row lock by the repository. */
  readonly seq: number;
}

function event(
  ticket: Pick<Ticket, 'id'>,
  seq: number,
  action: TicketEventAction,
  fromStatus: TicketStatus | null,
  toStatus: TicketStatus,
  at: string,
  actorId: string | null,
  deskId: string | null,
  details: Record<string, unknown>,
): TicketEvent {
  return { ticketId: ticket.id, seq, action, fromStatus, toStatus, at, actorId, deskId, details };
}

/** a new ticket, numbered in the office's day, with its `issue` event (seq 1). */
export function issueTicket(input: IssueInput, ctx: TicketContext): Result<TicketTransition> {
  if (typeof input?.id !== 'string' || input.id === '' || typeof input.officeId !== 'string') {
    return err('QUEUE.BAD_INPUT', 'a ticket needs an id and an office');
  }
  const rules = ctx.rules ?? DEFAULT_QUEUE_RULES;
  const number = formatTicketNumber(rules.numberPrefix, input.seq);
  if (!number.ok) return number;
  const atMs = parseInstant(ctx.at);
  if (!atMs.ok) return atMs;
  const open = checkIssuable(ctx.calendar, ctx.schedule, atMs.value);
  if (!open.ok) return open;
  const zone = timeZoneOf(ctx.schedule);
  const day = queueDayOf(atMs.value, zone);
  if (!day.ok) return day;
  const at = formatInstant(atMs.value, zone);
  const ticket: Ticket = {
    id: input.id,
    officeId: input.officeId,
    day: day.value,
    seq: input.seq,
    number: number.value,
    status: 'issued',
    issuedAt: at,
    firstCalledAt: null,
    lastCalledAt: null,
    startedAt: null,
    finishedAt: null,
    closedAt: null,
    deskId: null,
    targetDeskId: null,
    recalls: 0,
    waitMinutes: null,
    serviceMinutes: null,
    applicationId: null,
    version: 1,
  };
  return ok({
    ticket,
    event: event(ticket, 1, 'issue', null, 'issued', at, ctx.actorId, null, { number: number.value }),
  });
}

interface Step {
  readonly patch: Partial<Ticket>;
  readonly deskId: string | null;
  readonly details: Record<string, unknown>;
}

const wrongDesk = (ticket: Ticket, desk: DeskRef) =>
  err('QUEUE.WRONG_DESK', `ticket ${ticket.number} is held by another desk`, {
    number: ticket.number,
    deskId: desk.id,
    heldBy: ticket.status === 'transferred' ? ticket.targetDeskId : ticket.deskId,
  });

function measure(ctx: TicketContext, from: string, to: string): Result<number> {
  return openMinutes(ctx.calendar, ctx.schedule, from, to);
}

function stepFor(ticket: Ticket, command: TicketCommand, ctx: TicketContext, at: string, atMs: number) {
  const rules = ctx.rules ?? DEFAULT_QUEUE_RULES;
  switch (command.type) {
    case 'call': {
      if (ticket.status === 'transferred' && ticket.targetDeskId !== command.desk.id) {
        return wrongDesk(ticket, command.desk);
      }
      // the wait ends at the first call; a transferred person is not waiting again in that sense.
      let waitMinutes = ticket.waitMinutes;
      if (ticket.firstCalledAt === null) {
        const wait = measure(ctx, ticket.issuedAt, at);
        if (!wait.ok) return wait;
        waitMinutes = wait.value;
      }
      return ok<Step>({
        patch: {
          firstCalledAt: ticket.firstCalledAt ?? at,
          lastCalledAt: at,
          deskId: command.desk.id,
          targetDeskId: null,
          waitMinutes,
        },
        deskId: command.desk.id,
        details: { deskNumber: command.desk.number, waitMinutes },
      });
    }
    case 'recall':
    case 'start':
    case 'no_show':
    case 'finish':
    case 'transfer': {
      if (ticket.deskId !== command.desk.id) return wrongDesk(ticket, command.desk);
      if (command.type === 'recall') {
        return ok<Step>({
          patch: { lastCalledAt: at, recalls: ticket.recalls + 1 },
          deskId: command.desk.id,
          details: { deskNumber: command.desk.number, recalls: ticket.recalls + 1 },
        });
      }
      if (command.type === 'start') {
        return ok<Step>({ patch: { startedAt: at }, deskId: command.desk.id, details: {} });
      }
      if (command.type === 'no_show') {
        const since = Date.parse(ticket.lastCalledAt ?? ticket.issuedAt);
        const waitedMs = atMs - since;
        const timeoutMs = rules.callTimeoutMinutes * 60_000;
        if (waitedMs < timeoutMs) {
          return err('QUEUE.CALL_TIMEOUT_NOT_REACHED', 'give the person time to come to the desk', {
            number: ticket.number,
            callTimeoutMinutes: rules.callTimeoutMinutes,
            secondsLeft: Math.ceil((timeoutMs - waitedMs) / 1000),
          });
        }
        return ok<Step>({ patch: { finishedAt: at }, deskId: command.desk.id, details: {} });
      }
      if (command.type === 'finish') {
        const service = measure(ctx, ticket.firstCalledAt ?? at, at);
        if (!service.ok) return service;
        const applicationId = command.applicationId ?? ticket.applicationId;
        return ok<Step>({
          patch: { finishedAt: at, serviceMinutes: service.value, applicationId },
          deskId: command.desk.id,
          details: {
            waitMinutes: ticket.waitMinutes,
            serviceMinutes: service.value,
            ...(applicationId ? { applicationId } : {}),
          },
        });
      }
      if (command.to.officeId !== ticket.officeId) {
        return err('QUEUE.WRONG_OFFICE', 'a ticket is transferred only to a desk of the same office', {
          officeId: ticket.officeId,
          deskOfficeId: command.to.officeId,
        });
      }
      if (command.to.id === command.desk.id) {
        return err('QUEUE.BAD_INPUT', 'transfer to another desk, not to the same one', {
          deskNumber: command.desk.number,
        });
      }
      return ok<Step>({
        patch: { targetDeskId: command.to.id },
        deskId: command.desk.id,
        details: { fromDeskNumber: command.desk.number, toDeskNumber: command.to.number },
      });
    }
    case 'close': {
      // A ticket never called waited until the close (it counts against R-8 as a wait, issue 6 item 4); a
      // ticket left at a desk is measured up to the close as well.
      let waitMinutes = ticket.waitMinutes;
      let serviceMinutes = ticket.serviceMinutes;
      if (ticket.firstCalledAt === null) {
        const wait = measure(ctx, ticket.issuedAt, at);
        if (!wait.ok) return wait;
        waitMinutes = wait.value;
      } else if (ticket.status === 'called' || ticket.status === 'serving') {
        const service = measure(ctx, ticket.firstCalledAt, at);
        if (!service.ok) return service;
        serviceMinutes = service.value;
      }
      return ok<Step>({
        patch: { closedAt: at, waitMinutes, serviceMinutes, targetDeskId: null },
        deskId: null,
        details: { reason: command.reason, waitMinutes },
      });
    }
  }
}

/**
 * One transition. Order of checks (each failure changes nothing): an unknown action; a ticket of another
 * day (`QUEUE.STALE_TICKET`, except for the closing sweep); a desk of another office (`QUEUE.WRONG_OFFICE`);
 * an action the table does not allow now (`QUEUE.INVALID_TRANSITION`); then the action's own rules.
 */
export function applyTicketAction(
  ticket: Ticket,
  command: TicketCommand,
  ctx: TicketContext,
): Result<TicketTransition> {
  const type = command?.type as TicketAction;
  if (!(TICKET_ACTIONS as readonly string[]).includes(type)) {
    return err('QUEUE.INVALID_TRANSITION', 'unknown action', { action: type });
  }
  const atMs = parseInstant(ctx.at);
  if (!atMs.ok) return atMs;
  const zone = timeZoneOf(ctx.schedule);
  const at = formatInstant(atMs.value, zone);
  if (command.type !== 'close') {
    const today = queueDayOf(atMs.value, zone);
    if (!today.ok) return today;
    if (ticket.day !== today.value) {
      return err('QUEUE.STALE_TICKET', `ticket ${ticket.number} is from ${ticket.day}, not today`, {
        number: ticket.number,
        day: ticket.day,
        today: today.value,
      });
    }
    if (command.desk.officeId !== ticket.officeId) {
      return err('QUEUE.WRONG_OFFICE', 'the desk belongs to another office', {
        officeId: ticket.officeId,
        deskOfficeId: command.desk.officeId,
      });
    }
  }
  const allowed = allowedTicketActions(ticket.status);
  if (!allowed.includes(type)) {
    return err('QUEUE.INVALID_TRANSITION', `${type} is not allowed while the ticket is ${ticket.status}`, {
      number: ticket.number,
      status: ticket.status,
      action: type,
      allowed,
    });
  }
  const step = stepFor(ticket, command, ctx, at, atMs.value);
  if (!step.ok) return step;
  const toStatus = TICKET_ACTION_TARGET[type];
  const next: Ticket = { ...ticket, ...step.value.patch, status: toStatus, version: ticket.version + 1 };
  return ok({
    ticket: next,
    event: event(
      ticket,
      next.version,
      type,
      ticket.status,
      toStatus,
      at,
      ctx.actorId,
      step.value.deskId,
      step.value.details,
    ),
  });
}

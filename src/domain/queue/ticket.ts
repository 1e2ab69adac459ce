/**
 * A walk-in queue ticket and its state table. DESIGN.md: a state machine is a table of allowed
 * actions per status; every transition is also an append-only event row (who, when, at which desk, what),
 * produced by `applyTicketAction` in `apply-ticket-action.ts`.
 *
 * R-9 (§9): first come, first served — there is no booking and no priority, so nothing here orders tickets
 * other than by the moment they were issued.
 */
import type { PlainDate } from '../shared/plain-date';

export const TICKET_STATUSES = [
  'issued',
  'called',
  'serving',
  'done',
  'no_show',
  'transferred',
  'office_closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Actions after the ticket exists; `issue` creates it (`issueTicket`). */
export const TICKET_ACTIONS = ['call', 'recall', 'start', 'finish', 'no_show', 'transfer', 'close'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];
export type TicketEventAction = 'issue' | TicketAction;

/**
 * The table. `transferred` is a waiting state bound to one desk of the same office: the person keeps their
 * place (their ticket was issued earlier than anyone who came after) and that desk calls them next.
 * `close` ends a ticket the office can no longer serve (closing time, or a day that has passed).
 */
export const TICKET_TRANSITIONS = {
  issued: ['call', 'close'],
  called: ['recall', 'start', 'no_show', 'transfer', 'close'],
  serving: ['finish', 'transfer', 'close'],
  transferred: ['call', 'close'],
  done: [],
  no_show: [],
  office_closed: [],
} as const satisfies Record<TicketStatus, readonly TicketAction[]>;

/** Where each action leads. `recall` re-announces the same ticket and keeps it `called`. */
export const TICKET_ACTION_TARGET = {
  call: 'called',
  recall: 'called',
  start: 'serving',
  finish: 'done',
  no_show: 'no_show',
  transfer: 'transferred',
  close: 'office_closed',
} as const satisfies Record<TicketAction, TicketStatus>;

export const WAITING_STATUSES: readonly TicketStatus[] = ['issued', 'transferred'];
export const AT_DESK_STATUSES: readonly TicketStatus[] = ['called', 'serving'];
export const FINAL_STATUSES: readonly TicketStatus[] = ['done', 'no_show', 'office_closed'];

export function allowedTicketActions(status: TicketStatus): readonly TicketAction[] {
  return TICKET_TRANSITIONS[status];
}

export const isWaiting = (status: TicketStatus): boolean => WAITING_STATUSES.includes(status);
export const isAtDesk = (status: TicketStatus): boolean => AT_DESK_STATUSES.includes(status);
export const isFinalTicket = (status: TicketStatus): boolean => FINAL_STATUSES.includes(status);

export interface Ticket {
  readonly id: string;
  readonly officeId: string;
  /** The office's civil day the ticket belongs to (Asia/Almaty): numbers restart every day. */
  readonly day: PlainDate;
  readonly seq: number;
  /** What the person reads on the paper and the board: `A-017`. */
  readonly number: string;
  readonly status: TicketStatus;
  /** Instants are ISO 8601 with the office's offset (`2025-03-24T10:05:00+05:00`). */
  readonly issuedAt: string;
  /** The first call ends the wait (R-8: wait = issued → called). */
  readonly firstCalledAt: string | null;
  /** The latest call or recall; the no-show timeout runs from here. */
  readonly lastCalledAt: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly closedAt: string | null;
  /** The desk that holds the ticket (called or serving), or held it last. */
  readonly deskId: string | null;
  /** While `transferred`: the desk that is to call it next. */
  readonly targetDeskId: string | null;
  readonly recalls: number;
  /** open minutes from issue to the first call (or to closing, for a ticket never called). */
  readonly waitMinutes: number | null;
  /** open minutes from the first call to the finish. */
  readonly serviceMinutes: number | null;
  /** The application the visit led to (issue 5), once linked. */
  readonly applicationId: string | null;
  /** The number of events so far; the next event's `seq` is `version + 1`. */
  readonly version: number;
}

export interface TicketEvent {
  readonly ticketId: string;
  readonly seq: number;
  readonly action: TicketEventAction;
  readonly fromStatus: TicketStatus | null;
  readonly toStatus: TicketStatus;
  readonly at: string;
  /** Null for the kiosk and for the server's closing sweep. */
  readonly actorId: string | null;
  readonly deskId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

/** The limits of R-8 and the knobs of the queue; `DEFAULT_QUEUE_RULES` are the standard's values. */
export interface QueueRules {
  /** R-8 (§7): the longest wait before service, in open minutes. */
  readonly maxWaitMinutes: number;
  /** R-8 (§7): the longest service. */
  readonly maxServiceMinutes: number;
  /** Issue 6: the director is alerted when someone has waited this long (before the limit is broken). */
  readonly waitAlertMinutes: number;
  /** Issue 6: and when a service passes this. */
  readonly serviceAlertMinutes: number;
  /** A called person who has not come to the desk after this many minutes may be marked a no-show. */
  readonly callTimeoutMinutes: number;
  /** The letter before the number: `A-017`. */
  readonly numberPrefix: string;
  /** The service time assumed for the expected wait before the office has measured any today. */
  readonly defaultServiceMinutes: number;
}

export const DEFAULT_QUEUE_RULES: QueueRules = {
  maxWaitMinutes: 10,
  maxServiceMinutes: 10,
  waitAlertMinutes: 8,
  serviceAlertMinutes: 10,
  callTimeoutMinutes: 3,
  numberPrefix: 'A',
  defaultServiceMinutes: 5,
};

export const QUEUE_ERROR_CODES = [
  'QUEUE.BAD_INPUT',
  'QUEUE.EMPTY',
  'QUEUE.INVALID_TRANSITION',
  'QUEUE.STALE_TICKET',
  'QUEUE.WRONG_OFFICE',
  'QUEUE.WRONG_DESK',
  'QUEUE.DESK_BUSY',
  'QUEUE.CALL_TIMEOUT_NOT_REACHED',
  'QUEUE.OFFICE_CLOSED',
  'QUEUE.TICKET_NOT_FOUND',
  'QUEUE.DESK_NOT_FOUND',
  'QUEUE.OFFICE_NOT_FOUND',
  'QUEUE.CONFLICT',
] as const;
export type QueueErrorCode = (typeof QUEUE_ERROR_CODES)[number];

/** The walk-in queue (issue 6; ): the public surface of this folder. */
export { expectedWaitMinutes, liveAlerts, type QueueAlert } from './alerts';
export {
  applyTicketAction,
  type DeskRef,
  type IssueInput,
  issueTicket,
  type TicketCommand,
  type TicketContext,
  type TicketTransition,
} from './apply-ticket-action';
export {
  type CloseReason,
  checkIssuable,
  closingMs,
  nextOpeningMs,
  type TicketToClose,
  ticketsToClose,
} from './closing';
export { formatTicketNumber, parseTicketNumber, queueDayOf } from './numbering';
export {
  type DayTimes,
  type Distribution,
  distribution,
  percentile,
  periodOf,
  type QueueStats,
  queueStatistics,
  type StatsGrouping,
  type StatsPeriod,
  type VisitRecord,
} from './statistics';
export {
  AT_DESK_STATUSES,
  allowedTicketActions,
  DEFAULT_QUEUE_RULES,
  FINAL_STATUSES,
  isAtDesk,
  isFinalTicket,
  isWaiting,
  QUEUE_ERROR_CODES,
  type QueueErrorCode,
  type QueueRules,
  TICKET_ACTION_TARGET,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  type Ticket,
  type TicketAction,
  type TicketEvent,
  type TicketEventAction,
  type TicketStatus,
  WAITING_STATUSES,
} from './ticket';
export { elapsedTimes, openMinutes, roundMinutes, type TicketTimes, timeZoneOf } from './timing';

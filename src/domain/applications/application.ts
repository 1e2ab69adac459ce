/**
 * An application for the certificate and its state tables, one per channel (R-7, R-11..R-13, R-22).
 * DESIGN.md: a state machine is a table of allowed actions per status; every transition is also an append-only
 * event row (who, when, which office, what), produced by `applyAction` in `apply-action.ts`.
 */
import type { NoRecordFacts, NoRecordReason } from '../household/psf-lookup';
import type { PlainDate } from '../shared/plain-date';
import type { DocumentCode } from './documents-checklist';

/** the akimat's counter, a PSC (the alternative channel), or the citizen online. */
export const CHANNELS = ['akimat', 'psc', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

export const APPLICATION_STATUSES = [
  'received',
  'documents_checked',
  'refused_at_intake',
  'accepted',
  'sent_to_akimat',
  'decided',
  'returned_to_psc',
  'handed_over',
  'certificate_issued',
  'refused',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Actions after the application exists; `receive` creates it (`receiveApplication`). */
export const APPLICATION_ACTIONS = [
  'issue_certificate',
  'refuse',
  'check_documents',
  'refuse_at_intake',
  'accept',
  'send_to_akimat',
  'decide',
  'return_to_psc',
  'hand_over',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];
/** What an event row names: the creating action or a transition. */
export type EventAction = 'receive' | ApplicationAction;

export type AkimatStatus = 'received' | 'certificate_issued' | 'refused';
export type PscStatus =
  | 'received'
  | 'documents_checked'
  | 'refused_at_intake'
  | 'accepted'
  | 'sent_to_akimat'
  | 'decided'
  | 'returned_to_psc'
  | 'handed_over';
export type OnlineStatus = 'received' | 'certificate_issued' | 'refused';

/** R-7 (§7): at the akimat the applicant is served in the same visit — a certificate or a refusal. */
export const AKIMAT_TRANSITIONS = {
  received: ['issue_certificate', 'refuse'],
  certificate_issued: [],
  refused: [],
} as const satisfies Record<AkimatStatus, readonly ApplicationAction[]>;

/**
 * R-11..R-13 (§11–§16): the PSC checks the documents; a missing one is a refusal at once (ground 1); otherwise it
 * accepts (receipt with the due date), forwards to the akimat that keeps the book, the akimat decides and returns
 * the result, and the PSC hands it to the applicant in person.
 */
export const PSC_TRANSITIONS = {
  received: ['check_documents'],
  documents_checked: ['refuse_at_intake', 'accept'],
  refused_at_intake: [],
  accepted: ['send_to_akimat'],
  sent_to_akimat: ['decide'],
  decided: ['return_to_psc'],
  returned_to_psc: ['hand_over'],
  handed_over: [],
} as const satisfies Record<PscStatus, readonly ApplicationAction[]>;

/** a signed-in citizen gets the electronic certificate, or a refusal, at once. */
export const ONLINE_TRANSITIONS = {
  received: ['issue_certificate', 'refuse'],
  certificate_issued: [],
  refused: [],
} as const satisfies Record<OnlineStatus, readonly ApplicationAction[]>;

export const TRANSITIONS = {
  akimat: AKIMAT_TRANSITIONS,
  psc: PSC_TRANSITIONS,
  online: ONLINE_TRANSITIONS,
} as const satisfies Record<Channel, Partial<Record<ApplicationStatus, readonly ApplicationAction[]>>>;

/** Each action leads to one status whatever the channel, so the target is a property of the action. */
export const ACTION_TARGET = {
  issue_certificate: 'certificate_issued',
  refuse: 'refused',
  check_documents: 'documents_checked',
  refuse_at_intake: 'refused_at_intake',
  accept: 'accepted',
  send_to_akimat: 'sent_to_akimat',
  decide: 'decided',
  return_to_psc: 'returned_to_psc',
  hand_over: 'handed_over',
} as const satisfies Record<ApplicationAction, ApplicationStatus>;

/** Actions that decide the application: at most one of them ever succeeds on one application. */
export const DECIDING_ACTIONS: ReadonlySet<ApplicationAction> = new Set([
  'issue_certificate',
  'refuse',
  'refuse_at_intake',
  'decide',
]);

/** Statuses with no way out. */
export function isFinal(channel: Channel, status: ApplicationStatus): boolean {
  return allowedActions(channel, status).length === 0;
}

/** The table's row for a status of a channel; empty when the status does not exist in that channel. */
export function allowedActions(channel: Channel, status: ApplicationStatus): readonly ApplicationAction[] {
  const table: Partial<Record<ApplicationStatus, readonly ApplicationAction[]>> = TRANSITIONS[channel];
  return table[status] ?? [];
}

/** the two grounds of §16, and only these. */
export const REFUSAL_GROUND_CODES = ['incomplete_documents', 'no_psf_record'] as const;
export type RefusalGroundCode = (typeof REFUSAL_GROUND_CODES)[number];

/** The facts a refusal states: the missing documents, or why the book holds no PSF for the applicant. */
export type Refusal =
  | { readonly ground: 'incomplete_documents'; readonly missing: readonly DocumentCode[] }
  | {
      readonly ground: 'no_psf_record';
      /** From `findPsfRecord`'s `no-record` answer. */
      readonly reason: NoRecordReason;
      readonly facts: NoRecordFacts;
      /** The book that was read; null online when the applicant is in no akimat's book at all. */
      readonly akimatKato: string | null;
      /** The day the book was read for (the civil day of the decision). */
      readonly asOf: PlainDate;
    };

export type Decision =
  | {
      readonly outcome: 'certificate';
      readonly documentNumber: string;
      readonly akimatKato: string;
      /** The household and the version of the book the certificate cites, so a correction can be traced. */
      readonly householdId: string;
      readonly householdVersion: number;
    }
  | { readonly outcome: 'refusal'; readonly documentNumber: string; readonly refusal: Refusal };

/** the unit and number of the deadline, configurable per channel. */
export type DeadlineRule =
  /** Due at the office's closing time on the n-th working day after the start, that day not counted (n = 0: the same day). */
  | { readonly unit: 'working_days'; readonly amount: number }
  /** Due `amount` minutes of elapsed time after the start. */
  | { readonly unit: 'minutes'; readonly amount: number };

/**
 * R-7 (§7): the akimat serves at the moment of application — read as the same working day, by its closing time;
 * a PSC within 2 working days of the complete documents, the day of acceptance not counted; online at once.
 */
export const DEFAULT_DEADLINE_RULES = {
  akimat: { unit: 'working_days', amount: 0 },
  psc: { unit: 'working_days', amount: 2 },
  online: { unit: 'minutes', amount: 0 },
} as const satisfies Record<Channel, DeadlineRule>;

export interface ApplicationDeadline {
  readonly rule: DeadlineRule;
  /** When the clock started: receipt at the akimat and online, acceptance of the complete documents at a PSC. */
  readonly startAt: string;
  readonly startMs: number;
  readonly dueAt: string;
  readonly dueMs: number;
  readonly dueDate: PlainDate;
  /** The moment 75 % of the time is used (office open time for working days, elapsed time for minutes). */
  readonly amberAt: string;
  readonly amberMs: number;
}

export interface Applicant {
  /** A checksum-valid IIN. */
  readonly iin: string;
  readonly surname: string;
  readonly name: string;
  readonly patronymic?: string;
}

/** The current state of one application; the database keeps it whole (applications.state) and the events beside it. */
export interface Application {
  readonly id: string;
  readonly channel: Channel;
  readonly status: ApplicationStatus;
  readonly applicant: Applicant;
  /** ISO instant with the Asia/Almaty offset. */
  readonly receivedAt: string;
  /** The akimat that decides: the counter's akimat, the one the PSC sent it to, or the book's akimat online. */
  readonly akimatKato: string | null;
  readonly pscOfficeId: string | null;
  /** each required document of the channel, present or absent; null online (identity from the sign-in). */
  readonly documents: Readonly<Partial<Record<DocumentCode, boolean>>> | null;
  readonly deadline: ApplicationDeadline | null;
  readonly decision: Decision | null;
  readonly decidedAt: string | null;
  /**
   * When the result became available to the applicant, which stops the deadline clock: the decision at the
   * akimat and online, refusal at intake, and the return of the result to the PSC (R-12: "the date the
   * applicant will get the result").
   */
  readonly completedAt: string | null;
  readonly handedOverAt: string | null;
  /** The number of events so far; the next event has `seq = version + 1`. Also the optimistic-lock token. */
  readonly version: number;
  /** where and in which language to say the result is ready at the PSC, if the applicant asked. */
  readonly notify?: ResultNotice;
}

/** the applicant's contacts for "your result is ready", given at PSC intake (either or both). */
export interface ResultNotice {
  readonly email?: string;
  readonly phone?: string;
  readonly language: 'kk' | 'ru';
}

/** One append-only row per transition (R-13: every hand-off recorded with time and person). */
export interface ApplicationEvent {
  readonly applicationId: string;
  readonly seq: number;
  readonly action: EventAction;
  readonly fromStatus: ApplicationStatus | null;
  readonly toStatus: ApplicationStatus;
  /** ISO instant with the Asia/Almaty offset. */
  readonly at: string;
  readonly actorId: string;
  readonly actorRole: string;
  /** Where it happened: the PSC's office id, the akimat's KATO, or null online. */
  readonly officeId: string | null;
  /** JSON-safe; never a full IIN (DESIGN.md: no IIN in clear in logs). */
  readonly details: Readonly<Record<string, unknown>>;
}

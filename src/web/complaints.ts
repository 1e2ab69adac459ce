/**
 * What the complaint and survey pages read from the API (issue 7: R-16…R-19), and the small pure helpers they
 * share: which form field a server error belongs to, the flag's symbol, the survey a link asks for.
 */
import type { ComplaintOutcome } from '../domain/complaints/complaint';
import type { DeadlineFlag } from '../domain/complaints/deadline';
import { REVIEW_LEVELS, REVIEWER_ROLE, type ReviewLevel } from '../domain/complaints/routing';
import { SURVEY_FORMS, type SurveyIndicator, type SurveySubject } from '../domain/complaints/survey';
import type { MessageKey } from '../i18n';
import type { Role } from './api';
import type { LocalizedName } from './reference';

export type ComplaintStatus = 'registered' | 'forwarded' | 'escalated' | 'under_review' | 'answered';

export interface ComplaintView {
  readonly id: string;
  readonly number: string;
  readonly kind: 'result' | 'service';
  readonly channel: 'office' | 'online';
  readonly status: ComplaintStatus;
  readonly language: 'kk' | 'ru';
  readonly complainantName: string;
  readonly applicationId: string | null;
  readonly text: string;
  readonly registeredAt: string;
  readonly countsFrom: string;
  readonly dueAt: string;
  readonly reviewDays: number;
  readonly flag: DeadlineFlag;
  readonly reviewer: {
    readonly level: ReviewLevel;
    readonly kato: string | null;
    readonly pscOfficeId: string | null;
    readonly officeId: string | null;
    readonly officeName: LocalizedName | null;
  };
  readonly acceptedByName: string | null;
  readonly forwardedAt: string | null;
  readonly escalatedAt: string | null;
  readonly answeredAt: string | null;
  readonly outcome: ComplaintOutcome | null;
  readonly answerText: string | null;
  readonly answeredByName: string | null;
}

export interface ComplaintEventView {
  readonly action: string;
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly details: Record<string, unknown>;
}

export interface PublicComplaintStatus {
  readonly number: string;
  readonly status: ComplaintStatus;
  readonly registeredAt: string;
  readonly dueAt: string;
  readonly overdue: boolean;
  readonly reviewer: {
    readonly position: LocalizedName;
    readonly office: LocalizedName | null;
    readonly phones: readonly string[];
  };
  readonly answeredAt: string | null;
  /** Answered after the deadline: "⚠ Answered late", never the plain "answered". */
  readonly late: boolean;
  readonly outcome: ComplaintOutcome | null;
  readonly answerText: string | null;
  readonly surveyOpen: boolean;
}

export interface FollowupTask {
  readonly id: string;
  readonly officeKato: string | null;
  readonly officeId: string | null;
  readonly indicators: readonly string[];
  readonly status: 'open' | 'closed';
  readonly createdAt: string;
}

/** An application as the citizen's list gives it (only what the complaint form shows). */
export interface ApplicationSummary {
  readonly id: string;
  readonly channel: 'akimat' | 'psc' | 'online';
  readonly status: string;
  readonly receivedAt: string;
  readonly outcome: 'certificate' | 'refusal' | null;
  readonly documentNumber: string | null;
}

/**
 * The flag in words and a symbol as well as a colour (WCAG 1.4.1): ● on time, ▲ last day, ■ overdue, ✓ answered
 * by the deadline, ⚠ answered after it.
 */
export const FLAG_SYMBOL: Readonly<Record<DeadlineFlag, string>> = {
  green: '●',
  amber: '▲',
  red: '■',
  none: '✓',
  late: '⚠',
};

export const flagKey = (flag: DeadlineFlag): MessageKey => `complaints.flag.${flag}`;
export const statusKey = (status: ComplaintStatus): MessageKey => `complaints.status.${status}`;
export const levelKey = (level: ReviewLevel): MessageKey => `complaints.level.${level}`;
export const outcomeKey = (outcome: ComplaintOutcome): MessageKey => `complaints.outcome.${outcome}`;
export const questionKey = (indicator: SurveyIndicator): MessageKey => `survey.question.${indicator}`;
export const indicatorKey = (indicator: SurveyIndicator): MessageKey => `survey.indicator.${indicator}`;

export function isReviewLevel(value: unknown): value is ReviewLevel {
  return typeof value === 'string' && (REVIEW_LEVELS as readonly string[]).includes(value);
}

/** only the addressee's role reviews; the server also checks the territory. */
export function reviewsAtLevel(role: Role, level: ReviewLevel): boolean {
  return REVIEWER_ROLE[level] === role;
}

/** The fields of the complaint form, by the names the request body uses. */
export type ComplaintField =
  | 'kind'
  | 'applicationId'
  | 'officeId'
  | 'complainant.iin'
  | 'complainant.name'
  | 'contactPhone'
  | 'contactEmail'
  | 'text';

const FIELD_OF_CODE: Readonly<Record<string, ComplaintField>> = {
  'COMPLAINT.TEXT_REQUIRED': 'text',
  'COMPLAINT.TEXT_TOO_SHORT': 'text',
  'COMPLAINT.TEXT_TOO_LONG': 'text',
  'COMPLAINT.APPLICATION_NOT_FOUND': 'applicationId',
  'COMPLAINT.NOT_APPLICANT': 'applicationId',
  'COMPLAINT.SUBJECT_REQUIRED': 'applicationId',
  'COMPLAINT.OFFICE_NOT_FOUND': 'officeId',
  'COMPLAINT.NOT_A_SERVICE_OFFICE': 'officeId',
  'COMPLAINT.COMPLAINANT_REQUIRED': 'complainant.name',
};

/**
 * Which field a coded error of `POST /complaints` is about (WCAG 3.3.1: the error is shown next to it), or null
 * when it concerns the whole form (outside complaint hours, no addressee). An office complaint's missing subject
 * lands on the office picker.
 */
export function complaintFieldOf(code: string, about: 'application' | 'office'): ComplaintField | null {
  if (code.startsWith('IIN.')) return 'complainant.iin';
  if (code === 'COMPLAINT.SUBJECT_REQUIRED') return about === 'office' ? 'officeId' : 'applicationId';
  return FIELD_OF_CODE[code] ?? null;
}

/** A `VALIDATION_FAILED` issue's path (`contactPhone`, `complainant.iin`, `applicationId`) as a form field. */
export function complaintFieldOfPath(path: string): ComplaintField | null {
  const fields: readonly ComplaintField[] = [
    'kind',
    'applicationId',
    'officeId',
    'complainant.iin',
    'complainant.name',
    'contactPhone',
    'contactEmail',
    'text',
  ];
  return fields.find((f) => path === f || path.startsWith(`${f}.`)) ?? null;
}

export interface SurveyTarget {
  readonly subject: SurveySubject;
  readonly reference: string;
}

/**
 * `/survey?complaint=C2026-000042` (the talon's and answer's QR), `/survey?application=<id>` (a document) or
 * `/survey?ticket=<id>` (the queue ticket: the server rates the application the visit led to).
 */
export function surveyTargetOf(params: URLSearchParams): SurveyTarget {
  const complaint = params.get('complaint');
  if (complaint !== null) return { subject: 'complaint', reference: complaint.trim() };
  const application = params.get('application') ?? params.get('ticket');
  if (application !== null) return { subject: 'application', reference: application.trim() };
  return { subject: params.get('subject') === 'complaint' ? 'complaint' : 'application', reference: '' };
}

/** the questions a survey asks, each one an indicator of Appendix 3. */
export const surveyQuestions = (subject: SurveySubject): readonly SurveyIndicator[] => SURVEY_FORMS[subject];

/** the survey after a service opens once the application is finished (as the server checks). */
export const SURVEY_OPEN_STATUSES: ReadonlySet<string> = new Set([
  'certificate_issued',
  'refused',
  'handed_over',
  'refused_at_intake',
]);

/** The survey page's address for a queue ticket (R-19: printed with the ticket at the kiosk). */
export function ticketSurveyPath(ticketId: string): string {
  return `/survey?ticket=${encodeURIComponent(ticketId)}`;
}

/** The status page's address for a complaint (the talon's link and QR). */
export function statusPath(number: string): string {
  return `/complaints/status?number=${encodeURIComponent(number)}`;
}

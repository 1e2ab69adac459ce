/**
 * A complaint about the service and its state table (R-16…R-18). DESIGN.md: a state machine is a table of
 * allowed actions per status; every transition is also an event row (who, when, what). A complaint is
 * registered, taken under review by its addressee, and answered with one of three outcomes; on the way it may
 * be forwarded to the competent reviewer (the time is recorded) or escalated one level up when overdue.
 */
import { err, ok, type Result } from '../shared/result';

/** §21 disagreement with the result; §22 improper service. */
export const COMPLAINT_KINDS = ['result', 'service'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** At an office (the official helps fill it in, R-16) or online by a signed-in citizen. */
export const COMPLAINT_CHANNELS = ['office', 'online'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_STATUSES = [
  'registered',
  'forwarded',
  'escalated',
  'under_review',
  'answered',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** The three answers of a review (indicators 4.1, 4.2 count the justified ones). */
export const COMPLAINT_OUTCOMES = ['justified_satisfied', 'justified_partly', 'not_justified'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

export const COMPLAINT_ACTIONS = ['take_under_review', 'forward', 'escalate', 'answer'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/**
 * R-18 and the review flow: the addressee takes a complaint under review, then answers it; until it is
 * answered it may be forwarded to the competent reviewer or escalated when overdue. An answer is final.
 */
export const COMPLAINT_TRANSITIONS = {
  registered: { take_under_review: 'under_review', forward: 'forwarded', escalate: 'escalated' },
  forwarded: { take_under_review: 'under_review', forward: 'forwarded', escalate: 'escalated' },
  escalated: { take_under_review: 'under_review', forward: 'forwarded', escalate: 'escalated' },
  under_review: { answer: 'answered', forward: 'forwarded', escalate: 'escalated' },
  answered: {},
} as const satisfies Record<ComplaintStatus, Partial<Record<ComplaintAction, ComplaintStatus>>>;

export function isComplaintOutcome(value: string): value is ComplaintOutcome {
  return (COMPLAINT_OUTCOMES as readonly string[]).includes(value);
}

/** the status a complaint moves to, or `COMPLAINT.INVALID_TRANSITION` (HTTP 409). */
export function nextComplaintStatus(
  status: ComplaintStatus,
  action: ComplaintAction,
): Result<ComplaintStatus> {
  const row: Partial<Record<ComplaintAction, ComplaintStatus>> = COMPLAINT_TRANSITIONS[status];
  const next = row[action];
  if (next === undefined) {
    return err('COMPLAINT.INVALID_TRANSITION', `a complaint that is ${status} cannot be ${action}`, {
      status,
      action,
      allowed: Object.keys(row),
    });
  }
  return ok(next);
}

/** The limits of the free text a complaint and its answer carry. */
export const COMPLAINT_TEXT_MIN = 10;
export const COMPLAINT_TEXT_MAX = 5000;
export const ANSWER_TEXT_MIN = 20;

/** a complaint must say what is wrong — blank or too short text is refused with a coded error. */
export function checkComplaintText(text: string): Result<string> {
  const t = text.trim();
  if (t.length === 0) return err('COMPLAINT.TEXT_REQUIRED', 'the complaint has no text', {});
  if (t.length < COMPLAINT_TEXT_MIN)
    return err('COMPLAINT.TEXT_TOO_SHORT', `say what is wrong in at least ${COMPLAINT_TEXT_MIN} characters`, {
      min: COMPLAINT_TEXT_MIN,
    });
  if (t.length > COMPLAINT_TEXT_MAX)
    return err('COMPLAINT.TEXT_TOO_LONG', `at most ${COMPLAINT_TEXT_MAX} characters`, {
      max: COMPLAINT_TEXT_MAX,
    });
  return ok(t);
}

/** R-17 §23: an answer is reasoned — it must say why, not only the outcome. */
export function checkAnswerText(text: string): Result<string> {
  const t = text.trim();
  if (t.length < ANSWER_TEXT_MIN)
    return err(
      'COMPLAINT.ANSWER_NOT_REASONED',
      `a reasoned answer needs at least ${ANSWER_TEXT_MIN} characters`,
      {
        min: ANSWER_TEXT_MIN,
      },
    );
  if (t.length > COMPLAINT_TEXT_MAX)
    return err('COMPLAINT.TEXT_TOO_LONG', `at most ${COMPLAINT_TEXT_MAX} characters`, {
      max: COMPLAINT_TEXT_MAX,
    });
  return ok(t);
}

/** "C2026-000042": the number the applicant types with the IIN on the public status page. */
export function complaintNumber(year: number, seq: number): string {
  return `C${year}-${String(seq).padStart(6, '0')}`;
}

export const COMPLAINT_NUMBER_PATTERN = /^C\d{4}-\d{6}$/;

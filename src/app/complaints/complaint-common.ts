/** What the complaint use cases share: access by the policy, the addressee's office, the view, the events. */
import { surveyLink } from '../../domain/complaints/survey-link';
import { type Action, decide } from '../../domain/access/policy';
import type { ComplaintStatus } from '../../domain/complaints/complaint';
import { deadlineFlag, type DeadlineFlag } from '../../domain/complaints/deadline';
import { REVIEWER_POSITION } from '../../domain/complaints/documents';
import { type Addressee, REVIEWER_ROLE } from '../../domain/complaints/routing';
import { type Err, err } from '../../domain/shared/result';
import { toActor } from '../auth/user-view';
import type { ComplaintRecord, Deps, LocalizedText, Office, Repositories, UserRecord } from '../ports';

/**
 * may this user read the complaint (the complainant, the addressee, an official over its territory, or the
 * official who accepted it)?
 */
export function checkComplaintRead(user: UserRecord, c: ComplaintRecord): Err | undefined {
  // the official who accepted it at the counter shows and prints its talon, whoever reviews it.
  if (c.acceptedBy !== null && c.acceptedBy === user.id) return undefined;
  const d = decide(toActor(user), 'complaint.read', {
    kato: c.reviewer.kato ?? c.subject.akimatKato,
    officeId: c.reviewer.pscOfficeId ?? c.subject.pscOfficeId,
    ownerIin: c.complainantIin,
  });
  return d.allowed ? undefined : err('COMPLAINT.FORBIDDEN', d.reason);
}

/** only the addressee reviews — the right role for the level, within its territory or office. */
export function checkReviewer(
  user: UserRecord,
  reviewer: Addressee,
  action: Action = 'complaint.review',
): Err | undefined {
  if (REVIEWER_ROLE[reviewer.level] !== user.role) {
    return err('COMPLAINT.FORBIDDEN', `this complaint is addressed to the ${reviewer.level} level`, {
      level: reviewer.level,
    });
  }
  const d = decide(toActor(user), action, { kato: reviewer.kato, officeId: reviewer.pscOfficeId });
  return d.allowed ? undefined : err('COMPLAINT.FORBIDDEN', d.reason);
}

/** The addressee's office in the directory: contacts for the talon and the answer. */
export async function addresseeOffice(repos: Repositories, a: Addressee): Promise<Office | undefined> {
  switch (a.level) {
    case 'akimat':
      return a.kato ? repos.offices.findById(`akimat-${a.kato}`) : undefined;
    case 'psc':
      return a.pscOfficeId ? repos.offices.findById(a.pscOfficeId) : undefined;
    default:
      return a.kato ? repos.complaints.findApparatus(a.level, a.kato) : undefined;
  }
}

export function reviewerPosition(level: Addressee['level']): LocalizedText {
  return REVIEWER_POSITION[level];
}

export interface ComplaintView {
  readonly id: string;
  readonly number: string;
  readonly kind: ComplaintRecord['kind'];
  readonly channel: ComplaintRecord['channel'];
  readonly status: ComplaintStatus;
  readonly language: 'kk' | 'ru';
  readonly complainantName: string;
  readonly applicationId: string | null;
  readonly text: string;
  readonly registeredAt: string;
  readonly countsFrom: string;
  readonly dueAt: string;
  /** the review term in working days the deadline was computed with (shown on the talon). */
  readonly reviewDays: number;
  readonly flag: DeadlineFlag;
  readonly reviewer: Addressee & {
    readonly officeId: string | null;
    readonly officeName: LocalizedText | null;
  };
  readonly acceptedByName: string | null;
  readonly forwardedAt: string | null;
  readonly escalatedAt: string | null;
  readonly answeredAt: string | null;
  readonly outcome: ComplaintRecord['outcome'];
  readonly answerText: string | null;
  readonly answeredByName: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function complaintView(c: ComplaintRecord, now: Date, office?: Office): ComplaintView {
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    channel: c.channel,
    status: c.status,
    language: c.language,
    complainantName: c.complainantName,
    applicationId: c.applicationId,
    text: c.text,
    registeredAt: c.registeredAt.toISOString(),
    countsFrom: c.countsFrom,
    dueAt: c.dueAt.toISOString(),
    reviewDays: c.reviewDays,
    flag: deadlineFlag(
      c.status,
      now.getTime(),
      c.amberAt.getTime(),
      c.dueAt.getTime(),
      c.answeredAt?.getTime() ?? null,
    ),
    reviewer: { ...c.reviewer, officeId: c.reviewerOfficeId, officeName: office?.name ?? null },
    acceptedByName: c.acceptedByName,
    forwardedAt: iso(c.forwardedAt),
    escalatedAt: iso(c.escalatedAt),
    answeredAt: iso(c.answeredAt),
    outcome: c.outcome,
    answerText: c.answerText,
    answeredByName: c.answeredByName,
  };
}

export function statusUrl(deps: Pick<Deps, 'publicBaseUrl'>, number: string): string {
  return `${deps.publicBaseUrl}/complaints/status?number=${encodeURIComponent(number)}`;
}

export function surveyUrl(deps: Pick<Deps, 'publicBaseUrl'>, number: string): string {
  return surveyLink(deps.publicBaseUrl, 'complaint', number);
}

/**
 * the public status page — anyone with the complaint number and the complainant's IIN sees where it
 * stands, with minimal data (no text, no names of the complainant). A wrong number and a wrong IIN give the same
 * answer, so the page cannot be used to learn whose complaint a number is.
 */
import { COMPLAINT_NUMBER_PATTERN } from '../../domain/complaints/complaint';
import { deadlineFlag } from '../../domain/complaints/deadline';
import { isValidIin } from '../../domain/iin/iin';
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, LocalizedText } from '../ports';
import { addresseeOffice, reviewerPosition } from './complaint-common';

export interface PublicComplaintStatus {
  readonly number: string;
  readonly status: string;
  readonly registeredAt: string;
  readonly dueAt: string;
  readonly overdue: boolean;
  readonly reviewer: {
    readonly position: LocalizedText;
    readonly office: LocalizedText | null;
    readonly phones: readonly string[];
  };
  readonly answeredAt: string | null;
  /** Answered after the deadline (R-18): shown as answered late, as in the reviewers' list and page. */
  readonly late: boolean;
  readonly outcome: string | null;
  /** The reasoned answer, once given (the complainant proved the IIN). */
  readonly answerText: string | null;
  readonly surveyOpen: boolean;
}

export async function publicComplaintStatus(
  deps: Deps,
  number: string,
  iin: string,
  ip: string | null,
): Promise<Result<PublicComplaintStatus>> {
  const notFound = err('COMPLAINT.NOT_FOUND', 'no complaint with that number and IIN');
  if (!COMPLAINT_NUMBER_PATTERN.test(number) || !isValidIin(iin)) return notFound;
  return deps.uow.run(async (repos) => {
    const c = await repos.complaints.findByNumber(number);
    const match = c !== undefined && c.complainantIin === iin;
    await repos.audit.append({
      actorId: null,
      actorRole: null,
      action: 'complaint.public_status',
      subjectType: 'complaint',
      subjectId: match ? c.id : null,
      ip,
      outcome: match ? 'success' : 'failure',
    });
    if (!match) return notFound;
    const office = await addresseeOffice(repos, c.reviewer);
    const now = deps.clock.now();
    return ok({
      number: c.number,
      status: c.status,
      registeredAt: c.registeredAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      overdue: deadlineFlag(c.status, now.getTime(), c.amberAt.getTime(), c.dueAt.getTime(), null) === 'red',
      reviewer: {
        position: reviewerPosition(c.reviewer.level),
        office: office?.name ?? null,
        phones: office?.phones ?? [],
      },
      answeredAt: c.answeredAt?.toISOString() ?? null,
      late:
        deadlineFlag(
          c.status,
          now.getTime(),
          c.amberAt.getTime(),
          c.dueAt.getTime(),
          c.answeredAt?.getTime() ?? null,
        ) === 'late',
      outcome: c.outcome,
      answerText: c.answerText,
      surveyOpen: c.status === 'answered',
    });
  });
}

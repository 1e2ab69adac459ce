/**
 * a reviewer who is not competent forwards the complaint to the competent one (another level of the same
 * subject); the time is recorded and the deadline stays the one the applicant was given.
 */
import { type ReviewLevel, forwardTargets } from '../../domain/complaints/routing';
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, UserRecord } from '../ports';
import { addresseeOffice, type ComplaintView } from './complaint-common';
import { transitionComplaint } from './transition';

export function forwardComplaint(
  deps: Deps,
  user: UserRecord,
  complaintId: string,
  to: ReviewLevel,
  reason: string,
  ip: string | null,
): Promise<Result<{ complaint: ComplaintView }>> {
  return transitionComplaint(deps, user, complaintId, 'forward', ip, async (c, now, repos) => {
    if (reason.trim().length < 5)
      return err('COMPLAINT.REASON_REQUIRED', 'say why the complaint is forwarded');
    const target = forwardTargets(c.reviewer, c.subject).find((a) => a.level === to);
    if (!target) {
      return err('COMPLAINT.BAD_FORWARD', `no ${to} reviewer for this complaint`, {
        allowed: forwardTargets(c.reviewer, c.subject).map((a) => a.level),
      });
    }
    const office = await addresseeOffice(repos, target);
    return ok({
      next: {
        ...c,
        reviewer: target,
        reviewerOfficeId: office?.id ?? null,
        forwardedAt: now,
        underReviewAt: null,
      },
      details: { from: c.reviewer, to: target, reason: reason.trim() },
    });
  });
}

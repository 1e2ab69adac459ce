/** the addressee takes a registered (forwarded, escalated) complaint under review. */
import { ok, type Result } from '../../domain/shared/result';
import type { Deps, UserRecord } from '../ports';
import type { ComplaintView } from './complaint-common';
import { transitionComplaint } from './transition';

export function takeUnderReview(
  deps: Deps,
  user: UserRecord,
  complaintId: string,
  ip: string | null,
): Promise<Result<{ complaint: ComplaintView }>> {
  return transitionComplaint(deps, user, complaintId, 'take_under_review', ip, async (c, now) =>
    ok({ next: { ...c, underReviewAt: now }, details: {} }),
  );
}

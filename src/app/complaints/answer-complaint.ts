/**
 * the reasoned answer — one of three outcomes with the reasoning; the answer document (kk/ru PDF)
 * states the right to go to court (§23). The complainant is notified and may rate the handling.
 */
import { checkAnswerText, type ComplaintOutcome } from '../../domain/complaints/complaint';
import { ok, type Result } from '../../domain/shared/result';
import type { Deps, UserRecord } from '../ports';
import type { ComplaintView } from './complaint-common';
import { notifyComplainant } from './file-complaint';
import { transitionComplaint } from './transition';

export function answerComplaint(
  deps: Deps,
  user: UserRecord,
  complaintId: string,
  answer: { outcome: ComplaintOutcome; text: string },
  ip: string | null,
): Promise<Result<{ complaint: ComplaintView }>> {
  return transitionComplaint(
    deps,
    user,
    complaintId,
    'answer',
    ip,
    async (c, now) => {
      const text = checkAnswerText(answer.text);
      if (!text.ok) return text;
      return ok({
        next: {
          ...c,
          answeredAt: now,
          outcome: answer.outcome,
          answerText: text.value,
          answeredBy: user.id,
          answeredByName: user.displayName,
        },
        details: { outcome: answer.outcome, onTime: now.getTime() <= c.dueAt.getTime() },
      });
    },
    (c, now, repos) => notifyComplainant(deps, repos, c, 'complaint.answered', now),
  );
}

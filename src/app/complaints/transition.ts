/** One complaint transition in one transaction: load, check the addressee, the state table, write, event, audit. */
import { type ComplaintAction, nextComplaintStatus } from '../../domain/complaints/complaint';
import { err, ok, type Result } from '../../domain/shared/result';
import { toErr } from '../errors';
import type { ComplaintRecord, Deps, Repositories, UserRecord } from '../ports';
import { addresseeOffice, checkReviewer, type ComplaintView, complaintView } from './complaint-common';

export async function transitionComplaint(
  deps: Deps,
  user: UserRecord,
  complaintId: string,
  action: ComplaintAction,
  ip: string | null,
  change: (
    c: ComplaintRecord,
    now: Date,
    repos: Repositories,
  ) => Promise<Result<{ next: ComplaintRecord; details: Record<string, unknown> }>>,
  after?: (c: ComplaintRecord, now: Date, repos: Repositories) => Promise<void>,
): Promise<Result<{ complaint: ComplaintView }>> {
  try {
    return await deps.uow.run(async (repos) => {
      const current = await repos.complaints.findById(complaintId);
      if (!current) return err('COMPLAINT.NOT_FOUND', 'no complaint with that id');
      const denied = checkReviewer(user, current.reviewer);
      if (denied) {
        await repos.audit.append({
          actorId: user.id,
          actorRole: user.role,
          action: `complaint.${action}`,
          subjectType: 'complaint',
          subjectId: current.id,
          ip,
          outcome: 'denied',
        });
        return denied;
      }
      const status = nextComplaintStatus(current.status, action);
      if (!status.ok) return status;
      const now = deps.clock.now();
      const changed = await change(current, now, repos);
      if (!changed.ok) return changed;
      const next = { ...changed.value.next, status: status.value };
      if (!(await repos.complaints.update(next, current.version))) {
        return err('COMPLAINT.CONFLICT', 'the complaint was changed by someone else; reload it');
      }
      await repos.complaints.appendEvent(current.id, {
        action,
        fromStatus: current.status,
        toStatus: status.value,
        at: now,
        actorId: user.id,
        actorRole: user.role,
        details: changed.value.details,
      });
      if (after) await after(next, now, repos);
      await repos.audit.append({
        actorId: user.id,
        actorRole: user.role,
        action: `complaint.${action}`,
        subjectType: 'complaint',
        subjectId: current.id,
        ip,
        outcome: 'success',
        details: { number: current.number, to: status.value, ...changed.value.details },
      });
      return ok({ complaint: complaintView(next, now, await addresseeOffice(repos, next.reviewer)) });
    });
  } catch (e) {
    const known = toErr(e);
    if (known) return known;
    throw e;
  }
}

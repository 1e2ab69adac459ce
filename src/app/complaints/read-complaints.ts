/** a complaint with its history (complainant, addressee, officials over it), and the reviewer's list. */
import { REVIEWER_ROLE, REVIEW_LEVELS, type ReviewLevel } from '../../domain/complaints/routing';
import { err, ok, type Result } from '../../domain/shared/result';
import type { ComplaintEvent, Deps, UserRecord } from '../ports';
import { addresseeOffice, checkComplaintRead, type ComplaintView, complaintView } from './complaint-common';

export async function getComplaint(
  deps: Deps,
  user: UserRecord,
  id: string,
  ip: string | null,
): Promise<Result<{ complaint: ComplaintView; events: ComplaintEvent[] }>> {
  return deps.uow.run(async (repos) => {
    const c = await repos.complaints.findById(id);
    if (!c) return err('COMPLAINT.NOT_FOUND', 'no complaint with that id');
    const denied = checkComplaintRead(user, c);
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'complaint.read',
      subjectType: 'complaint',
      subjectId: c.id,
      ip,
      outcome: denied ? 'denied' : 'success',
    });
    if (denied) return denied;
    const office = await addresseeOffice(repos, c.reviewer);
    return ok({
      complaint: complaintView(c, deps.clock.now(), office),
      events: await repos.complaints.events(c.id),
    });
  });
}

/** The reviewer's list (addressed to the user's level and territory), or the citizen's own complaints. */
export async function listComplaints(
  deps: Deps,
  user: UserRecord,
  options: { openOnly: boolean; limit: number },
  ip: string | null,
): Promise<Result<{ complaints: ComplaintView[] }>> {
  const level = REVIEW_LEVELS.find((l) => REVIEWER_ROLE[l] === user.role) as ReviewLevel | undefined;
  if (user.role !== 'citizen' && !level)
    return err('COMPLAINT.FORBIDDEN', `role ${user.role} reviews no complaints`);
  if (user.role === 'citizen' && !user.iin) return ok({ complaints: [] });
  return deps.uow.run(async (repos) => {
    const rows =
      user.role === 'citizen'
        ? await repos.complaints.list({
            complainantIin: user.iin!,
            openOnly: options.openOnly,
            limit: options.limit,
          })
        : await repos.complaints.list({
            reviewer: { level: level!, kato: user.territoryKato, pscOfficeId: user.officeId },
            openOnly: options.openOnly,
            limit: options.limit,
          });
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'complaint.list',
      subjectType: 'complaint',
      ip,
      outcome: 'success',
      details: { count: rows.length },
    });
    const now = deps.clock.now();
    const views: ComplaintView[] = [];
    for (const c of rows) views.push(complaintView(c, now, await addresseeOffice(repos, c.reviewer)));
    return ok({ complaints: views });
  });
}

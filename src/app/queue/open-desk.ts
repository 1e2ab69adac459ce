import type { DeskRef } from '../../domain/queue';
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, UserRecord } from '../ports';
import { checkQueueAccess, findOffice, isErr } from './queue-office';

/** An operator sits down at desk N of their office: the desk is created on first use (issue 6). */
export async function openDesk(
  deps: Deps,
  user: UserRecord,
  input: { officeId: string; number: number },
  ip: string | null,
): Promise<Result<DeskRef>> {
  if (!Number.isInteger(input.number) || input.number < 1 || input.number > 999) {
    return err('QUEUE.BAD_INPUT', 'a desk number is a whole number from 1 to 999', { number: input.number });
  }
  return deps.uow.run(async (repos) => {
    const office = await findOffice(repos, input.officeId);
    if (isErr(office)) return office;
    const denied = checkQueueAccess(user, 'queue.operate', office);
    if (denied) return denied;
    const desk = await repos.queue.ensureDesk({
      id: deps.ids.uuid(),
      officeId: office.id,
      number: input.number,
    });
    await repos.audit.append({
      actorId: user.id,
      actorRole: user.role,
      action: 'queue.desk.open',
      subjectType: 'queue_desk',
      subjectId: desk.id,
      ip,
      outcome: 'success',
      details: { officeId: office.id, number: desk.number },
    });
    return ok(desk);
  });
}

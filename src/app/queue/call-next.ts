import { applyTicketAction } from '../../domain/queue';
import { err, ok, type Result } from '../../domain/shared/result';
import { toErr } from '../errors';
import type { Deps, UserRecord } from '../ports';
import {
  checkQueueAccess,
  failWith,
  feedEvent,
  findOffice,
  isErr,
  queueToday,
  type TicketView,
  ticketContext,
  toTicketView,
} from './queue-office';

/**
 * the operator at a desk calls the next person — the first ticket of today waiting for this desk, in issue
 * order. The desk row is locked (one call at a time per desk) and the ticket is claimed with FOR UPDATE SKIP
 * LOCKED, so two operators calling at the same moment each get a different ticket, never the same one twice.
 */
export async function callNext(
  deps: Deps,
  user: UserRecord,
  input: { deskId: string },
  ip: string | null,
): Promise<Result<TicketView>> {
  const calendar = await deps.calendar.current();
  try {
    const result = await deps.uow.run(async (repos) => {
      const desk = await repos.queue.findDesk(input.deskId, { lock: true });
      if (!desk)
        return failWith(err('QUEUE.DESK_NOT_FOUND', 'no desk with that id', { deskId: input.deskId }));
      const office = await findOffice(repos, desk.officeId);
      if (isErr(office)) return failWith(office);
      const denied = checkQueueAccess(user, 'queue.operate', office);
      if (denied) return failWith(denied);
      const busy = await repos.queue.atDesk(desk.id);
      if (busy) {
        return failWith(
          err('QUEUE.DESK_BUSY', `finish ticket ${busy.number} before calling the next`, {
            number: busy.number,
            status: busy.status,
          }),
        );
      }
      const ticket = await repos.queue.claimNextWaiting(office.id, queueToday(deps), desk.id);
      if (!ticket) return failWith(err('QUEUE.EMPTY', 'nobody is waiting', { officeId: office.id }));
      const moved = applyTicketAction(
        ticket,
        { type: 'call', desk },
        ticketContext(deps, calendar, office, user.id),
      );
      if (!moved.ok) return failWith(moved);
      const saved = await repos.queue.saveTransition(ticket.version, moved.value.ticket, moved.value.event);
      if (!saved) return failWith(err('QUEUE.CONFLICT', 'the ticket changed meanwhile; call again'));
      await repos.audit.append({
        actorId: user.id,
        actorRole: user.role,
        action: 'queue.ticket.call',
        subjectType: 'queue_ticket',
        subjectId: ticket.id,
        ip,
        outcome: 'success',
        details: {
          officeId: office.id,
          number: ticket.number,
          deskNumber: desk.number,
          waitMinutes: moved.value.ticket.waitMinutes,
        },
      });
      const desks = await repos.queue.desksOf(office.id);
      return {
        view: toTicketView(moved.value.ticket, desks),
        feed: feedEvent(moved.value.ticket, moved.value.event, desk),
      };
    });
    await deps.queueFeed.publish([result.feed]);
    return ok(result.view);
  } catch (e) {
    const coded = toErr(e);
    if (coded) return coded;
    throw e;
  }
}

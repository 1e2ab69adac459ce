import { applyTicketAction, type DeskRef, type TicketCommand } from '../../domain/queue';
import { err, ok, type Result } from '../../domain/shared/result';
import { toErr } from '../errors';
import type { Deps, UserRecord } from '../ports';
import {
  checkQueueAccess,
  failWith,
  feedEvent,
  findOffice,
  isErr,
  type TicketView,
  ticketContext,
  toTicketView,
} from './queue-office';

export type DeskAction =
  | { readonly type: 'recall' | 'start' | 'no_show' }
  | { readonly type: 'finish'; readonly applicationId?: string | null }
  | { readonly type: 'transfer'; readonly toDeskId: string };

/**
 * what the operator at a desk does with the ticket called there — recall, start, finish, no-show,
 * transfer to another desk of the office. The domain's table decides; yesterday's ticket, a desk of another office,
 * finishing a ticket not being served are coded errors and change nothing.
 */
export async function actOnTicket(
  deps: Deps,
  user: UserRecord,
  input: { ticketId: string; deskId: string; action: DeskAction },
  ip: string | null,
): Promise<Result<TicketView>> {
  const calendar = await deps.calendar.current();
  try {
    const result = await deps.uow.run(async (repos) => {
      const desk = await repos.queue.findDesk(input.deskId);
      if (!desk)
        return failWith(err('QUEUE.DESK_NOT_FOUND', 'no desk with that id', { deskId: input.deskId }));
      const office = await findOffice(repos, desk.officeId);
      if (isErr(office)) return failWith(office);
      const denied = checkQueueAccess(user, 'queue.operate', office);
      if (denied) return failWith(denied);
      const ticket = await repos.queue.findTicket(input.ticketId, { lock: true });
      if (!ticket)
        return failWith(
          err('QUEUE.TICKET_NOT_FOUND', 'no ticket with that id', { ticketId: input.ticketId }),
        );
      let to: DeskRef | undefined;
      const a = input.action;
      if (a.type === 'transfer') {
        to = await repos.queue.findDesk(a.toDeskId);
        if (!to) return failWith(err('QUEUE.DESK_NOT_FOUND', 'no desk with that id', { deskId: a.toDeskId }));
      }
      if (a.type === 'finish' && a.applicationId) {
        // the link must name an application that exists (foreign key); checked here for a clear error
        const app = await repos.queue.applicationExists(a.applicationId);
        if (!app)
          return failWith(
            err('QUEUE.APPLICATION_NOT_FOUND', 'no application with that id', {
              applicationId: a.applicationId,
            }),
          );
      }
      const command: TicketCommand =
        a.type === 'transfer'
          ? { type: 'transfer', desk, to: to as DeskRef }
          : a.type === 'finish'
            ? { type: 'finish', desk, applicationId: a.applicationId ?? null }
            : { type: a.type, desk };
      const moved = applyTicketAction(ticket, command, ticketContext(deps, calendar, office, user.id));
      if (!moved.ok) return failWith(moved);
      const saved = await repos.queue.saveTransition(ticket.version, moved.value.ticket, moved.value.event);
      if (!saved) return failWith(err('QUEUE.CONFLICT', 'the ticket changed meanwhile; reload'));
      await repos.audit.append({
        actorId: user.id,
        actorRole: user.role,
        action: `queue.ticket.${a.type}`,
        subjectType: 'queue_ticket',
        subjectId: ticket.id,
        ip,
        outcome: 'success',
        details: {
          officeId: office.id,
          number: ticket.number,
          deskNumber: desk.number,
          ...moved.value.event.details,
        },
      });
      const desks = await repos.queue.desksOf(office.id);
      return {
        view: toTicketView(moved.value.ticket, desks),
        feed: feedEvent(moved.value.ticket, moved.value.event, a.type === 'transfer' ? (to ?? null) : desk),
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

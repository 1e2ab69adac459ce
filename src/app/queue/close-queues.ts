import { applyTicketAction, ticketsToClose } from '../../domain/queue';
import { ok, type Result } from '../../domain/shared/result';
import type { Deps, QueueFeedEvent, UserRecord } from '../ports';
import { checkQueueAccess, feedEvent, findOffice, isErr, ticketContext } from './queue-office';

export interface ClosedTicket {
  readonly officeId: string;
  readonly number: string;
  readonly day: string;
  readonly reason: 'closing_time' | 'day_passed';
  readonly waitMinutes: number | null;
}

/**
 * Issue 6 item 4, R-10: tickets still waiting when the office closes are closed as `office_closed`, dated at the
 * closing time (a late sweep does not lengthen anyone's wait), and reported; unfinished tickets of a past day too.
 * Runs every minute on every instance; each ticket moves from the version read, so two instances never close one
 * twice and a ticket called meanwhile is left to its desk.
 */
export async function closeQueues(deps: Deps, officeId: string | null = null): Promise<ClosedTicket[]> {
  const calendar = await deps.calendar.current();
  const now = deps.clock.now().getTime();
  const { closed, feed } = await deps.uow.run(async (repos) => {
    // Read without locking: mid-day nothing is due, and a lock on every open ticket made a desk's call at that
    // moment skip them all (SKIP LOCKED) and answer QUEUE.EMPTY with people waiting. The tickets that are due
    // move by their version (saveTransition), so a call or another instance that got there first wins.
    const open = await repos.queue.openTickets(officeId);
    const closed: ClosedTicket[] = [];
    const feed: QueueFeedEvent[] = [];
    const byOffice = new Map<string, typeof open>();
    for (const t of open) byOffice.set(t.officeId, [...(byOffice.get(t.officeId) ?? []), t]);
    for (const [id, tickets] of byOffice) {
      const office = await repos.offices.findById(id);
      if (!office) continue;
      const due = ticketsToClose(calendar, office.schedule, tickets, now);
      if (!due.ok) continue;
      for (const c of due.value) {
        const ctx = ticketContext(deps, calendar, office, null, c.at);
        const moved = applyTicketAction(c.ticket, { type: 'close', reason: c.reason }, ctx);
        if (!moved.ok) continue;
        if (!(await repos.queue.saveTransition(c.ticket.version, moved.value.ticket, moved.value.event)))
          continue;
        closed.push({
          officeId: id,
          number: c.ticket.number,
          day: c.ticket.day,
          reason: c.reason,
          waitMinutes: moved.value.ticket.waitMinutes,
        });
        feed.push(feedEvent(moved.value.ticket, moved.value.event, null));
      }
    }
    if (closed.length > 0) {
      await repos.audit.append({
        actorId: null,
        actorRole: 'system',
        action: 'queue.close',
        subjectType: 'queue',
        subjectId: officeId,
        outcome: 'success',
        details: {
          closed: closed.length,
          tickets: closed.map((c) => `${c.officeId} ${c.day} ${c.number}`).slice(0, 200),
        },
      });
    }
    return { closed, feed };
  });
  if (feed.length > 0) await deps.queueFeed.publish(feed);
  return closed;
}

/** The director (or the server's own sweep) closes what is due in one office now. */
export async function closeOfficeQueue(
  deps: Deps,
  user: UserRecord,
  officeId: string,
): Promise<Result<ClosedTicket[]>> {
  const office = await deps.uow.run((repos) => findOffice(repos, officeId));
  if (isErr(office)) return office;
  const denied = checkQueueAccess(user, 'queue.supervise', office);
  if (denied) return denied;
  return ok(await closeQueues(deps, office.id));
}

import {
  checkIssuable,
  type DayTimes,
  distribution,
  expectedWaitMinutes,
  issueTicket,
  isWaiting,
} from '../../domain/queue';
import { ok, type Result } from '../../domain/shared/result';
import { toErr } from '../errors';
import type { Deps, LocalizedText } from '../ports';
import { failWith, feedEvent, findOffice, isErr, queueToday, ticketContext } from './queue-office';

export interface IssuedTicket {
  readonly id: string;
  readonly number: string;
  readonly office: { readonly id: string; readonly name: LocalizedText };
  readonly issuedAt: string;
  readonly peopleAhead: number;
  readonly expectedWaitMinutes: number;
}

/** The expected wait of someone with `ahead` people before them: today's median service shared by the desks at work. */
export function expectedWait(day: DayTimes, ahead: number, defaultServiceMinutes: number): number {
  const typical = distribution(day.serviceMinutes).p50 ?? defaultServiceMinutes;
  return expectedWaitMinutes(ahead, typical, day.desksThatCalled);
}

/**
 * anyone takes a ticket at the kiosk — first come, first served, no booking, no priority. The number is the
 * office's next of the day; the paper shows the people ahead and the expected wait.
 */
export async function takeTicket(
  deps: Deps,
  input: { officeId: string },
  ip: string | null,
): Promise<Result<IssuedTicket>> {
  const calendar = await deps.calendar.current();
  try {
    const result = await deps.uow.run(async (repos) => {
      const office = await findOffice(repos, input.officeId);
      if (isErr(office)) return failWith(office);
      const ctx = ticketContext(deps, calendar, office, null);
      const open = checkIssuable(ctx.calendar, ctx.schedule, ctx.at);
      if (!open.ok) return failWith(open);
      const day = queueToday(deps);
      const seq = await repos.queue.nextSeq(office.id, day);
      const issued = issueTicket({ id: deps.ids.uuid(), officeId: office.id, seq }, ctx);
      if (!issued.ok) return failWith(issued);
      const { ticket, event } = issued.value;
      await repos.queue.insertTicket(ticket, event);
      await repos.audit.append({
        actorId: null,
        actorRole: 'kiosk',
        action: 'queue.ticket.issue',
        subjectType: 'queue_ticket',
        subjectId: ticket.id,
        ip,
        outcome: 'success',
        details: { officeId: office.id, number: ticket.number },
      });
      const unfinished = await repos.queue.openTicketsOfDay(office.id, day);
      const peopleAhead = unfinished.filter((t) => t.seq < ticket.seq && isWaiting(t.status)).length;
      const times = await repos.queue.dayTimes(office.id, day);
      return {
        view: {
          id: ticket.id,
          number: ticket.number,
          office: { id: office.id, name: office.name },
          issuedAt: ticket.issuedAt,
          peopleAhead,
          expectedWaitMinutes: expectedWait(times, peopleAhead, deps.queueRules.defaultServiceMinutes),
        },
        feed: feedEvent(ticket, event, null),
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

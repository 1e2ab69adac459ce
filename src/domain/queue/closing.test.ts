import { describe, expect, it } from 'vitest';
import kzJson from '../../../data/calendar/kz.json';
import { applyTicketAction, issueTicket } from './apply-ticket-action';
import { checkIssuable, closingMs, nextOpeningMs, ticketsToClose } from './closing';
import { at, calendarOf, code, ctxWith, desk1, PSC, value } from './fixtures.test-support';
import type { PlainDate } from '../shared/plain-date';
import type { Ticket } from './ticket';

const cal = calendarOf(kzJson);
const issued = (id: string, hhmm: string, day?: string): Ticket =>
  value(issueTicket({ id, officeId: PSC, seq: 1 }, ctxWith(cal, at(hhmm, day)))).ticket;

// Issue 6 item 4, R-10: tickets still waiting at closing time are closed as office_closed and reported.
describe('closing (R-10)', () => {
  it('closing time per kind of office; a day off has none', () => {
    expect(value(closingMs(cal, 'psc', '2025-03-17' as PlainDate))).toBe(Date.parse(at('20:00')));
    expect(value(closingMs(cal, 'akimat', '2025-03-17' as PlainDate))).toBe(Date.parse(at('18:00')));
    expect(value(closingMs(cal, 'psc', '2025-03-15' as PlainDate))).toBe(
      Date.parse(at('00:00', '2025-03-15')),
    );
  });

  it('the next opening skips days off (Nauryz 2025)', () => {
    expect(value(nextOpeningMs(cal, 'psc', at('20:30', '2025-03-20')))).toBe(
      Date.parse(at('09:00', '2025-03-26')),
    );
    expect(value(nextOpeningMs(cal, 'psc', at('10:00')))).toBe(Date.parse(at('10:00')));
    expect(value(nextOpeningMs(cal, 'akimat', at('13:30')))).toBe(Date.parse(at('14:00')));
  });

  it.each([
    ['psc', at('08:00'), 'ok'],
    ['psc', at('19:59'), 'ok'],
    ['psc', at('20:00'), 'QUEUE.OFFICE_CLOSED'],
    ['akimat', at('13:30'), 'ok'], // lunch: people may queue
    ['akimat', at('18:00'), 'QUEUE.OFFICE_CLOSED'],
    ['psc', at('10:00', '2025-03-16'), 'QUEUE.OFFICE_CLOSED'], // Sunday
  ] as const)('checkIssuable %s %s → %s', (schedule, when, expected) => {
    expect(code(checkIssuable(cal, schedule, when))).toBe(expected);
  });

  it("closes today's waiting tickets after closing, and yesterday's unfinished ones, dated at closing time", () => {
    const waiting = issued('w', '19:50');
    const atDesk = value(
      applyTicketAction(issued('c', '19:40'), { type: 'call', desk: desk1 }, ctxWith(cal, at('19:55'))),
    ).ticket;
    const yesterday = issued('y', '11:00', '2025-03-14'); // Friday
    const before = value(ticketsToClose(cal, 'psc', [waiting, atDesk, yesterday], at('19:59')));
    expect(before.map((c) => [c.ticket.id, c.reason])).toEqual([['y', 'day_passed']]);
    const after = value(ticketsToClose(cal, 'psc', [waiting, atDesk, yesterday], at('20:07')));
    expect(after.map((c) => [c.ticket.id, c.reason, c.at])).toEqual([
      ['w', 'closing_time', Date.parse(at('20:00'))],
      ['y', 'day_passed', Date.parse(at('20:00', '2025-03-14'))],
    ]);
    // the close records the wait up to closing time, not up to the late sweep
    const closed = value(
      applyTicketAction(waiting, { type: 'close', reason: 'closing_time' }, ctxWith(cal, after[0]!.at)),
    ).ticket;
    expect(closed).toMatchObject({ status: 'office_closed', waitMinutes: 10, closedAt: at('20:00') });
  });
});

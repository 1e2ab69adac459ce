import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import kzJson from '../../../data/calendar/kz.json';
import { expectedWaitMinutes, liveAlerts } from './alerts';
import { applyTicketAction, issueTicket } from './apply-ticket-action';
import { at, calendarOf, ctxWith, desk1, PSC, value } from './fixtures.test-support';
import type { Ticket } from './ticket';

const cal = calendarOf(kzJson);
const issued = (id: string, seq: number, hhmm: string): Ticket =>
  value(issueTicket({ id, officeId: PSC, seq }, ctxWith(cal, at(hhmm)))).ticket;
const calledAt = (t: Ticket, hhmm: string): Ticket =>
  value(applyTicketAction(t, { type: 'call', desk: desk1 }, ctxWith(cal, at(hhmm)))).ticket;

// R-8, issue 6 item 3: the director sees an alert when someone has waited 8 minutes and when a service
// passes 10 minutes.
describe('liveAlerts (R-8)', () => {
  const tickets = [
    issued('a', 1, '10:00'), // waited 12 at 10:12: limit broken
    issued('b', 2, '10:04'), // waited 8: alert, limit not broken
    issued('c', 3, '10:05'), // waited 7: nothing
    calledAt(issued('d', 4, '09:55'), '09:58'), // serving 14: long service
    calledAt(issued('e', 5, '10:01'), '10:02'), // serving 10: not past 10
  ];
  it('lists long waits from 8 minutes and services past 10 minutes, longest first', () => {
    const alerts = value(liveAlerts(cal, 'psc', tickets, at('10:12')));
    expect(alerts.map((a) => [a.kind, a.number, a.minutes, a.limitBroken])).toEqual([
      ['long_service', 'A-004', 14, true],
      ['long_wait', 'A-001', 12, true],
      ['long_wait', 'A-002', 8, false],
    ]);
    expect(alerts[0]?.deskId).toBe('d1');
  });

  it('a finished or closed ticket never alerts', () => {
    const done = value(
      applyTicketAction(
        value(applyTicketAction(tickets[3]!, { type: 'start', desk: desk1 }, ctxWith(cal, at('09:59'))))
          .ticket,
        { type: 'finish', desk: desk1 },
        ctxWith(cal, at('10:11')),
      ),
    ).ticket;
    expect(value(liveAlerts(cal, 'psc', [done], at('11:00')))).toEqual([]);
  });

  it('lunch does not make an akimat wait look long (R-10)', () => {
    const t = value(
      issueTicket({ id: 'x', officeId: PSC, seq: 1 }, ctxWith(cal, at('12:58'), 'akimat')),
    ).ticket;
    expect(value(liveAlerts(cal, 'akimat', [t], at('14:05')))).toEqual([]);
    expect(value(liveAlerts(cal, 'akimat', [t], at('14:06'))).map((a) => a.kind)).toEqual(['long_wait']);
  });
});

describe('expectedWaitMinutes (issue 6: printed on the ticket)', () => {
  it.each([
    [0, 5, 2, 0],
    [3, 5, 1, 15],
    [3, 5, 2, 8],
    [1, 4.2, 3, 2],
    [4, 5, 0, 20], // no desk open yet: counted as one
  ])('%d ahead × %d min / %d desks → %d', (ahead, svc, desks, expected) => {
    expect(expectedWaitMinutes(ahead, svc, desks)).toBe(expected);
  });
  it('grows with the people ahead and shrinks with desks (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(200),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 10 }),
        (n, s, d) => {
          expect(expectedWaitMinutes(n + 1, s, d)).toBeGreaterThanOrEqual(expectedWaitMinutes(n, s, d));
          expect(expectedWaitMinutes(n, s, d + 1)).toBeLessThanOrEqual(expectedWaitMinutes(n, s, d));
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import kzJson from '../../../data/calendar/kz.json';
import { applyTicketAction, type TicketCommand, issueTicket } from './apply-ticket-action';
import { at, calendarOf, code, ctxWith, desk1, desk2, PSC, value } from './fixtures.test-support';
import {
  FINAL_STATUSES,
  isFinalTicket,
  TICKET_ACTION_TARGET,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  type Ticket,
} from './ticket';

const cal = calendarOf(kzJson);

// R-8, R-9 (issue 6 item 1): the ticket lifecycle as a table.
describe('TICKET_TRANSITIONS (R-8, R-9)', () => {
  it.each([
    ['issued', ['call', 'close']],
    ['called', ['recall', 'start', 'no_show', 'transfer', 'close']],
    ['serving', ['finish', 'transfer', 'close']],
    ['transferred', ['call', 'close']],
    ['done', []],
    ['no_show', []],
    ['office_closed', []],
  ] as const)('%s allows %j', (status, actions) => {
    expect([...TICKET_TRANSITIONS[status]]).toEqual(actions);
  });

  it('final statuses allow nothing, every other status can be closed at closing time', () => {
    for (const s of TICKET_STATUSES) {
      if (isFinalTicket(s)) expect(TICKET_TRANSITIONS[s]).toEqual([]);
      else expect(TICKET_TRANSITIONS[s]).toContain('close');
    }
    expect([...FINAL_STATUSES].sort()).toEqual(['done', 'no_show', 'office_closed']);
  });

  it('every action leads to a known status', () => {
    for (const a of TICKET_ACTIONS) expect(TICKET_STATUSES).toContain(TICKET_ACTION_TARGET[a]);
  });
});

const commandFor = (name: (typeof TICKET_ACTIONS)[number]): TicketCommand => {
  switch (name) {
    case 'transfer':
      return { type: 'transfer', desk: desk1, to: desk2 };
    case 'close':
      return { type: 'close', reason: 'closing_time' };
    default:
      return { type: name, desk: desk1 };
  }
};

// any sequence of actions, at increasing times within one open day, obeys the table: an action the
// table allows for the current status either succeeds (moving to its target) or fails with a coded error and
// no change; an action it does not allow is always QUEUE.INVALID_TRANSITION.
describe('applyTicketAction follows the table (R-8, R-9) — property', () => {
  it('never leaves the table, versions grow by one per event, finals are final', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...TICKET_ACTIONS), fc.integer({ min: 0, max: 10 })), {
          maxLength: 12,
        }),
        (steps) => {
          let minute = 9 * 60 + 5;
          const hhmm = () =>
            `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
          let ticket: Ticket = value(
            issueTicket({ id: 't1', officeId: PSC, seq: 1 }, ctxWith(cal, at(hhmm()))),
          ).ticket;
          for (const [name, gap] of steps) {
            minute += gap;
            const before = ticket;
            const r = applyTicketAction(ticket, commandFor(name), ctxWith(cal, at(hhmm())));
            const allowed = (TICKET_TRANSITIONS[before.status] as readonly string[]).includes(name);
            if (!allowed) expect(code(r)).toBe('QUEUE.INVALID_TRANSITION');
            if (r.ok) {
              expect(allowed).toBe(true);
              expect(r.value.ticket.status).toBe(TICKET_ACTION_TARGET[name]);
              expect(r.value.ticket.version).toBe(before.version + 1);
              expect(r.value.event).toMatchObject({
                seq: before.version + 1,
                fromStatus: before.status,
                action: name,
              });
              ticket = r.value.ticket;
            } else {
              expect(ticket).toBe(before);
            }
            if (isFinalTicket(before.status)) expect(r.ok).toBe(false);
          }
          // measured times are never negative and are only set once the wait or the service ended
          if (ticket.waitMinutes !== null) expect(ticket.waitMinutes).toBeGreaterThanOrEqual(0);
          if (ticket.serviceMinutes !== null) expect(ticket.serviceMinutes).toBeGreaterThanOrEqual(0);
          if (ticket.status === 'done') expect(ticket.serviceMinutes).not.toBeNull();
          if (ticket.firstCalledAt !== null) expect(ticket.waitMinutes).not.toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });
});

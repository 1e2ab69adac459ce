import { describe, expect, it } from 'vitest';
import kzJson from '../../../data/calendar/kz.json';
import { applyTicketAction, issueTicket, type TicketCommand } from './apply-ticket-action';
import {
  at,
  calendarOf,
  code,
  ctxWith,
  desk1,
  desk2,
  foreignDesk,
  PSC,
  value,
} from './fixtures.test-support';
import { DEFAULT_QUEUE_RULES, type Ticket } from './ticket';

const cal = calendarOf(kzJson);

const issue = (hhmm: string, day?: string, schedule: 'psc' | 'akimat' = 'psc') =>
  value(issueTicket({ id: 't1', officeId: PSC, seq: 7 }, ctxWith(cal, at(hhmm, day), schedule))).ticket;

function run(ticket: Ticket, ...steps: [TicketCommand, string][]): Ticket {
  let t = ticket;
  for (const [cmd, when] of steps) t = value(applyTicketAction(t, cmd, ctxWith(cal, when))).ticket;
  return t;
}

// issue → call → start → finish, with the wait (issued → first call) and the service
// (first call → finish) measured in open minutes.
describe('a visit (R-8)', () => {
  it('issues a numbered ticket with its issue event', () => {
    const r = value(issueTicket({ id: 't1', officeId: PSC, seq: 7 }, ctxWith(cal, at('10:00'))));
    expect(r.ticket).toMatchObject({
      number: 'A-007',
      day: '2025-03-17',
      status: 'issued',
      issuedAt: '2025-03-17T10:00:00+05:00',
      version: 1,
    });
    expect(r.event).toMatchObject({ seq: 1, action: 'issue', fromStatus: null, toStatus: 'issued' });
  });

  it('measures the wait at the first call and the service at the finish', () => {
    const t = run(
      issue('10:00'),
      [{ type: 'call', desk: desk1 }, at('10:04')],
      [{ type: 'recall', desk: desk1 }, at('10:05')],
      [{ type: 'start', desk: desk1 }, at('10:06')],
      [{ type: 'finish', desk: desk1, applicationId: 'app-1' }, at('10:13')],
    );
    expect(t).toMatchObject({
      status: 'done',
      waitMinutes: 4,
      serviceMinutes: 9,
      recalls: 1,
      deskId: 'd1',
      applicationId: 'app-1',
      firstCalledAt: '2025-03-17T10:04:00+05:00',
      lastCalledAt: '2025-03-17T10:05:00+05:00',
      version: 5,
    });
  });

  it('a ticket taken before opening starts waiting at 09:00 (R-10)', () => {
    const t = run(issue('08:40'), [{ type: 'call', desk: desk1 }, at('09:03')]);
    expect(t.waitMinutes).toBe(3);
  });

  it("the akimat's lunch hour does not count (R-10)", () => {
    const t0 = issue('12:55', undefined, 'akimat');
    const t = value(
      applyTicketAction(t0, { type: 'call', desk: desk1 }, ctxWith(cal, at('14:02'), 'akimat')),
    ).ticket;
    expect(t.waitMinutes).toBe(7);
  });

  it('a transfer keeps the first wait; the target desk calls and serves, the service runs from the first call', () => {
    const t = run(
      issue('10:00'),
      [{ type: 'call', desk: desk1 }, at('10:02')],
      [{ type: 'start', desk: desk1 }, at('10:03')],
      [{ type: 'transfer', desk: desk1, to: desk2 }, at('10:05')],
    );
    expect(t).toMatchObject({ status: 'transferred', targetDeskId: 'd2', waitMinutes: 2 });
    expect(code(applyTicketAction(t, { type: 'call', desk: desk1 }, ctxWith(cal, at('10:06'))))).toBe(
      'QUEUE.WRONG_DESK',
    );
    const done = run(
      t,
      [{ type: 'call', desk: desk2 }, at('10:07')],
      [{ type: 'start', desk: desk2 }, at('10:07')],
      [{ type: 'finish', desk: desk2 }, at('10:10')],
    );
    expect(done).toMatchObject({ status: 'done', waitMinutes: 2, serviceMinutes: 8, deskId: 'd2' });
  });

  it('no-show only after the call timeout since the last call (configurable)', () => {
    const called = run(issue('10:00'), [{ type: 'call', desk: desk1 }, at('10:01')]);
    const early = applyTicketAction(called, { type: 'no_show', desk: desk1 }, ctxWith(cal, at('10:03')));
    expect(code(early)).toBe('QUEUE.CALL_TIMEOUT_NOT_REACHED');
    expect(run(called, [{ type: 'no_show', desk: desk1 }, at('10:04')]).status).toBe('no_show');
    const ctx = { ...ctxWith(cal, at('10:02')), rules: { ...DEFAULT_QUEUE_RULES, callTimeoutMinutes: 1 } };
    expect(value(applyTicketAction(called, { type: 'no_show', desk: desk1 }, ctx)).ticket.status).toBe(
      'no_show',
    );
  });
});

// Issue 6, bad input: each a coded error, nothing changed.
describe('bad input (R-8, R-9)', () => {
  const called = run(issue('10:00'), [{ type: 'call', desk: desk1 }, at('10:01')]);
  it.each([
    [
      'finishing a ticket that is not being served',
      called,
      { type: 'finish', desk: desk1 },
      at('10:05'),
      'QUEUE.INVALID_TRANSITION',
    ],
    [
      'starting a ticket at another desk',
      called,
      { type: 'start', desk: desk2 },
      at('10:05'),
      'QUEUE.WRONG_DESK',
    ],
    [
      'a desk of another office',
      called,
      { type: 'start', desk: foreignDesk },
      at('10:05'),
      'QUEUE.WRONG_OFFICE',
    ],
    [
      'acting on yesterday’s ticket',
      called,
      { type: 'start', desk: desk1 },
      at('10:05', '2025-03-18'),
      'QUEUE.STALE_TICKET',
    ],
    [
      'transfer to a desk of another office',
      called,
      { type: 'transfer', desk: desk1, to: foreignDesk },
      at('10:05'),
      'QUEUE.WRONG_OFFICE',
    ],
    [
      'transfer to the same desk',
      called,
      { type: 'transfer', desk: desk1, to: desk1 },
      at('10:05'),
      'QUEUE.BAD_INPUT',
    ],
    [
      'an unknown action',
      called,
      { type: 'teleport', desk: desk1 } as unknown as TicketCommand,
      at('10:05'),
      'QUEUE.INVALID_TRANSITION',
    ],
  ] as const)('%s', (_name, ticket, cmd, when, expected) => {
    const before = structuredClone(ticket);
    expect(code(applyTicketAction(ticket, cmd as TicketCommand, ctxWith(cal, when)))).toBe(expected);
    expect(ticket).toEqual(before);
  });

  it('no ticket on a day off or after closing time; before opening is fine (R-10)', () => {
    const sat = issueTicket({ id: 'x', officeId: PSC, seq: 1 }, ctxWith(cal, at('10:00', '2025-03-15')));
    expect(code(sat)).toBe('QUEUE.OFFICE_CLOSED');
    expect(sat.ok ? null : sat.error.details).toMatchObject({ opensAt: '2025-03-17T09:00:00+05:00' });
    expect(code(issueTicket({ id: 'x', officeId: PSC, seq: 1 }, ctxWith(cal, at('20:00'))))).toBe(
      'QUEUE.OFFICE_CLOSED',
    );
    expect(code(issueTicket({ id: 'x', officeId: PSC, seq: 1 }, ctxWith(cal, at('08:00'))))).toBe('ok');
    expect(code(issueTicket({ id: '', officeId: PSC, seq: 1 }, ctxWith(cal, at('10:00'))))).toBe(
      'QUEUE.BAD_INPUT',
    );
  });
});

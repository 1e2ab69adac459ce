/**
 * Shared values of the queue's unit tests: two offices and their desks. The calendar is built by each test
 * file from data/calendar/kz.json (`calendarOf`), since files here may import only src/domain.
 */
import { buildCalendar, type WorkingCalendar } from '../calendar/index';
import type { Result } from '../shared/result';
import type { DeskRef, TicketContext } from './apply-ticket-action';

export function calendarOf(json: unknown): WorkingCalendar {
  const r = buildCalendar(json);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

export const PSC = 'psc-01';
export const OTHER_PSC = 'psc-02';
export const desk1: DeskRef = { id: 'd1', officeId: PSC, number: 1 };
export const desk2: DeskRef = { id: 'd2', officeId: PSC, number: 2 };
export const foreignDesk: DeskRef = { id: 'd9', officeId: OTHER_PSC, number: 1 };

/** Monday 17 March 2025, an ordinary working day; Almaty was at +05:00. */
export const at = (hhmm: string, day = '2025-03-17') => `${day}T${hhmm}:00+05:00`;

export const ctxWith = (
  cal: WorkingCalendar,
  when: TicketContext['at'],
  schedule: TicketContext['schedule'] = 'psc',
): TicketContext => ({
  at: when,
  actorId: 'u-op',
  calendar: cal,
  schedule,
});

export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

export function code(r: Result<unknown>): string {
  return r.ok ? 'ok' : r.error.code;
}

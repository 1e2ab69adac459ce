/**
 * Ticket numbers restart every civil day per office (issue 6): the day is read in the office's zone
 * (Asia/Almaty, R-10), so a ticket taken at 00:30 local time belongs to the new day even though it is still
 * the previous day in UTC.
 */
import { DEFAULT_TIME_ZONE, type InstantInput, parseInstant, toCivil } from '../calendar/index';
import type { PlainDate } from '../shared/plain-date';
import { err, ok, type Result } from '../shared/result';

const PREFIX = /^[A-Z]{1,2}$/;

/** `A-017`: at least three digits so that the board's column stays aligned; 1000 and beyond just grow. */
export function formatTicketNumber(prefix: string, seq: number): Result<string> {
  if (!PREFIX.test(prefix)) {
    return err('QUEUE.BAD_INPUT', 'a ticket prefix is one or two capital Latin letters', { prefix });
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    return err('QUEUE.BAD_INPUT', 'a ticket sequence number is a whole number from 1', { seq });
  }
  return ok(`${prefix}-${String(seq).padStart(3, '0')}`);
}

/** The inverse of `formatTicketNumber`, for input typed by people (`a-17`, `A 017`). */
export function parseTicketNumber(text: string): Result<{ prefix: string; seq: number }> {
  const m = /^\s*([A-Za-z]{1,2})\s*[-–\s]?\s*(\d{1,6})\s*$/.exec(text);
  const seq = m ? Number(m[2]) : 0;
  if (!m || seq < 1) return err('QUEUE.BAD_INPUT', 'expected a ticket number such as A-017', { text });
  return ok({ prefix: (m[1] ?? '').toUpperCase(), seq });
}

/** The office's civil day of an instant: the day a ticket's number belongs to. */
export function queueDayOf(instant: InstantInput, timeZone: string = DEFAULT_TIME_ZONE): Result<PlainDate> {
  const ms = parseInstant(instant);
  if (!ms.ok) return ms;
  return ok(toCivil(ms.value, timeZone).date);
}

/**
 * Instants ↔ an office's civil time (DESIGN.md: dates). The zone's rules come from the IANA database behind
 * `Intl` — which knows that Kazakhstan went from UTC+6 to UTC+5 on 1 March 2024 — so no offset is hard-coded.
 */
import { err, ok, type Result } from '../shared/result';
import { addDays, fromDayNumber, isValidYmd, type PlainDate, toDayNumber, ymd } from '../shared/plain-date';

/** every office of the service keeps Asia/Almaty time unless told otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Almaty';

/** Epoch milliseconds, or an ISO 8601 date-time that carries its offset (`Z` or `±hh:mm`). */
export type InstantInput = number | string;

export interface CivilTime {
  readonly date: PlainDate;
  /** Minutes since the civil day's midnight, with the fraction of seconds and milliseconds. */
  readonly minute: number;
  /** The zone's offset from UTC at that instant, in minutes (300 for +05:00). */
  readonly offsetMinutes: number;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/i;

/**
 * The instants whose civil day exists in every zone: a Date near its ±8.64e15 ms limit, moved by a zone's
 * offset, falls outside the Date range (found by fuzzing: a RangeError instead of a coded error, issue 10).
 */
const MIN_INSTANT_MS = Date.parse('0001-01-02T00:00:00Z');
const MAX_INSTANT_MS = Date.parse('9999-12-30T00:00:00Z');
const outOfRange = (value: InstantInput) =>
  err('CALENDAR.BAD_INSTANT', 'an instant must lie between the years 1 and 9999', { value });

/** A local wall-clock reading without a zone would be ambiguous, so only explicit offsets are accepted. */
export function parseInstant(input: InstantInput): Result<number> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      return err('CALENDAR.BAD_INSTANT', 'an instant must be finite epoch milliseconds', { value: input });
    return input < MIN_INSTANT_MS || input > MAX_INSTANT_MS ? outOfRange(input) : ok(input);
  }
  const m = ISO_WITH_OFFSET.exec(input);
  // Date.parse alone would roll 30 February over into March.
  const valid = m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  const ms = valid ? Date.parse(input) : Number.NaN;
  if (Number.isNaN(ms)) {
    return err(
      'CALENDAR.BAD_INSTANT',
      'expected an ISO 8601 date-time with an offset, e.g. 2025-03-24T10:00:00+05:00',
      {
        value: input,
      },
    );
  }
  return ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS ? outOfRange(input) : ok(ms);
}

// Formatters are costly to build and immutable once built, so they are shared per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at `epochMs`, in whole minutes. */
export function offsetMinutesAt(epochMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - wholeSecond) / MS_PER_MINUTE);
}

export function toCivil(epochMs: number, timeZone: string = DEFAULT_TIME_ZONE): CivilTime {
  const offsetMinutes = offsetMinutesAt(epochMs, timeZone);
  const local = epochMs + offsetMinutes * MS_PER_MINUTE;
  const dayNumber = Math.floor(local / MS_PER_DAY);
  return {
    date: fromDayNumber(dayNumber),
    minute: (local - dayNumber * MS_PER_DAY) / MS_PER_MINUTE,
    offsetMinutes,
  };
}

/**
 * The instant at which the civil clock in `timeZone` reads `minute` on `date`. When the reading occurs twice
 * (clocks set back, as at 00:00 on 1 March 2024 in Almaty) the earlier instant is returned; office hours never
 * fall in such an hour.
 */
export function fromCivil(date: PlainDate, minute: number, timeZone: string = DEFAULT_TIME_ZONE): number {
  const wall = toDayNumber(date) * MS_PER_DAY + minute * MS_PER_MINUTE;
  // The offsets in force half a day either side cover any single transition near this reading.
  const before = offsetMinutesAt(wall - MS_PER_DAY / 2, timeZone);
  const after = offsetMinutesAt(wall + MS_PER_DAY / 2, timeZone);
  const candidates = [wall - before * MS_PER_MINUTE, wall - after * MS_PER_MINUTE].sort((a, b) => a - b);
  for (const c of candidates) {
    const civil = toCivil(c, timeZone);
    if (civil.date === date && civil.minute === minute) return c;
  }
  // The reading was skipped (clocks set forward): use the instant the old offset would give.
  return wall - before * MS_PER_MINUTE;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `2025-03-26T18:00:00+05:00`: the offset in force in `timeZone` at that instant. */
export function formatInstant(epochMs: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const c = toCivil(epochMs, timeZone);
  const { year, month, day } = ymd(c.date);
  const totalMs = Math.round(c.minute * MS_PER_MINUTE);
  const h = Math.floor(totalMs / 3_600_000);
  const m = Math.floor((totalMs % 3_600_000) / MS_PER_MINUTE);
  const s = Math.floor((totalMs % MS_PER_MINUTE) / 1000);
  const ms = totalMs % 1000;
  const sign = c.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(c.offsetMinutes);
  const fraction = ms === 0 ? '' : `.${pad(ms, 3)}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(m)}:${pad(s)}${fraction}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Civil dates from `from` to `to`, both included. */
export function* eachDate(from: PlainDate, to: PlainDate): Generator<PlainDate> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

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
  const bucket = Math.floor(epochMs / OFFSET_BUCKET_MS);
  let cache = offsetCache.get(timeZone);
  const known = cache?.get(bucket);
  if (known !== undefined) return known;
  const start = bucket * OFFSET_BUCKET_MS;
  const end = start + OFFSET_BUCKET_MS - 1;
  // Near the ends of the Date range a bucket's edge may lie outside it: ask Intl about the instant alone.
  if (!(start >= -MAX_DATE_MS && end <= MAX_DATE_MS)) return intlOffsetMinutes(epochMs, timeZone);
  const atStart = formattedOffsetMinutes(start, timeZone);
  if (formattedOffsetMinutes(end, timeZone) !== atStart) {
    // A transition falls inside this quarter hour (Almaty's from local mean time to +05:00 did, at 18:52:12
    // UTC on 1 May 1924; every later one in Kazakhstan's zones fell on a whole hour).
    return intlOffsetMinutes(epochMs, timeZone);
  }
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  } else if (cache.size >= OFFSET_CACHE_LIMIT) cache.clear();
  cache.set(bucket, atStart);
  return atStart;
}

/**
 * Offsets memoised per zone and quarter hour of UTC. formatToParts is the costliest step of turning an instant
 * into a civil date (≈ 3 % of the server's CPU when issuing certificates), and most instants asked about are
 * "now" or a few days around it. A quarter hour holds no transition when its first and last millisecond have
 * the same offset: zones change offset at most a few times a year, never twice within fifteen minutes. Such a
 * quarter hour is not cached; its instants go to Intl one by one. The cache is cleared when it grows past
 * OFFSET_CACHE_LIMIT quarter hours of one zone (≈ 42 days of distinct quarters), so it stays small; it holds
 * nothing but values derived from the IANA rules, so it changes no result.
 */
const OFFSET_BUCKET_MS = 15 * MS_PER_MINUTE;
const OFFSET_CACHE_LIMIT = 4096;
const MAX_DATE_MS = 8.64e15;
const offsetCache = new Map<string, Map<number, number>>();

/** "12/02/2026, 09:00:00": what the formatter's format() writes for the years 1000–9999. */
const FORMATTED = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

/**
 * intlOffsetMinutes from the formatted string, which Intl writes ≈ 3× faster than the parts (the string is the
 * parts joined, so the fields are the same); anything but the expected shape goes to the parts.
 */
function formattedOffsetMinutes(epochMs: number, timeZone: string): number {
  const m = FORMATTED.exec(formatterFor(timeZone).format(epochMs));
  if (m === null) return intlOffsetMinutes(epochMs, timeZone);
  const asUtc = Date.UTC(
    Number(m[3]),
    Number(m[1]) - 1,
    Number(m[2]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  );
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / MS_PER_MINUTE);
}

/** The offset as Intl gives it, without the cache (the cache's reference in tests). */
export function intlOffsetMinutes(epochMs: number, timeZone: string): number {
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

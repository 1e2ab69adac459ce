import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../shared/plain-date';
import {
  formatInstant,
  fromCivil,
  intlOffsetMinutes,
  offsetMinutesAt,
  parseInstant,
  toCivil,
} from './civil-time';

const d = (s: string) => s as PlainDate;

// time zone Asia/Almaty through the IANA database. Kazakhstan went from UTC+6 to UTC+5 on
// 1 March 2024 (clocks set back at 00:00 to 23:00 on 29 February).
describe('Asia/Almaty civil time', () => {
  it.each([
    ['2024-02-29T03:00:00Z', '2024-02-29', 9 * 60, 360], // Thu 09:00 at +06:00
    ['2024-03-01T04:00:00Z', '2024-03-01', 9 * 60, 300], // Fri 09:00 at +05:00
    ['2024-02-29T17:30:00Z', '2024-02-29', 23 * 60 + 30, 360], // Thu 23:30, first time
    ['2024-02-29T18:30:00Z', '2024-02-29', 23 * 60 + 30, 300], // Thu 23:30, second time
    ['2011-01-01T00:00:00Z', '2011-01-01', 6 * 60, 360], // Sat
    ['2025-03-16T20:00:00Z', '2025-03-17', 60, 300], // Mon 01:00: the UTC date is still Sunday
  ])('%s is %s minute %i at offset %i', (iso, date, minute, offset) => {
    const ms = Date.parse(iso);
    expect(toCivil(ms)).toEqual({ date, minute, offsetMinutes: offset });
    expect(offsetMinutesAt(ms, 'Asia/Almaty')).toBe(offset);
  });

  it.each([
    ['2024-02-28', 18 * 60, '2024-02-28T18:00:00+06:00'], // Wed
    ['2024-03-01', 18 * 60, '2024-03-01T18:00:00+05:00'], // Fri
    ['2024-02-29', 23 * 60 + 30, '2024-02-29T23:30:00+06:00'], // Thu: the repeated half hour, earlier instant
    ['2025-03-26', 20 * 60, '2025-03-26T20:00:00+05:00'], // Wed
  ])('fromCivil(%s, %i) = %s', (date, minute, iso) => {
    const ms = fromCivil(d(date), minute);
    expect(formatInstant(ms)).toBe(iso);
    expect(ms).toBe(Date.parse(iso));
  });

  it('another zone can be passed', () => {
    expect(formatInstant(Date.parse('2025-03-26T15:00:00Z'), 'Asia/Aqtobe')).toBe(
      '2025-03-26T20:00:00+05:00',
    );
    expect(formatInstant(Date.parse('2020-03-26T15:00:00Z'), 'Asia/Aqtobe')).toBe(
      '2020-03-26T20:00:00+05:00',
    );
    expect(formatInstant(Date.parse('2020-03-26T15:00:00Z'))).toBe('2020-03-26T21:00:00+06:00');
  });

  it('fromCivil inverts toCivil at every whole minute of 2011–2027', () => {
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse('2011-01-01T00:00:00Z') / 60_000,
          max: Date.parse('2027-12-31T00:00:00Z') / 60_000,
        }),
        (m) => {
          const ms = m * 60_000;
          const c = toCivil(ms);
          const back = fromCivil(c.date, c.minute);
          // The repeated hour of 29 Feb 2024 maps back to its first occurrence.
          expect(back === ms || back === ms - 3_600_000).toBe(true);
          expect(Date.parse(formatInstant(ms))).toBe(ms);
        },
      ),
    );
  });
});

describe('parseInstant', () => {
  it.each([
    [1_742_000_000_000, 1_742_000_000_000],
    ['2025-03-24T10:00:00+05:00', Date.parse('2025-03-24T05:00:00Z')],
    ['2025-03-24T05:00Z', Date.parse('2025-03-24T05:00:00Z')],
    ['2025-03-24T10:00:00.250+05:00', Date.parse('2025-03-24T05:00:00.250Z')],
  ])('%s → %i', (input, ms) => {
    expect(parseInstant(input)).toEqual({ ok: true, value: ms });
  });

  it.each([
    '2025-03-24T10:00:00',
    '2025-03-24',
    'tomorrow',
    Number.NaN,
    '2025-02-30T10:00:00Z',
    // Found by fuzzing (issue 10): so near the Date range's end that the civil day in +05:00 does not exist.
    8_639_999_982_001_000,
    -8_639_999_982_001_000,
    '9999-12-31T23:59:59Z',
  ])('rejects %s (no offset, not a date-time, not finite, beyond the years 1..9999)', (input) => {
    const r = parseInstant(input);
    expect(!r.ok && r.error.code).toBe('CALENDAR.BAD_INSTANT');
  });
});

/** The zones of Kazakhstan's offices (tzdb 2024: all +05:00 since 1 March 2024). */
const KAZAKH_ZONES = [
  'Asia/Almaty',
  'Asia/Qostanay',
  'Asia/Aqtobe',
  'Asia/Aqtau',
  'Asia/Atyrau',
  'Asia/Oral',
  'Asia/Qyzylorda',
] as const;

describe('offsetMinutesAt (memoised per quarter hour)', () => {
  const instant = (from: string, to: string) => fc.integer({ min: Date.parse(from), max: Date.parse(to) });

  it('equals Intl for any instant of 1990–2040 in the zones of Kazakhstan, first asked or cached', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KAZAKH_ZONES),
        instant('1990-01-01T00:00Z', '2040-12-31T23:59Z'),
        (zone, ms) => {
          const expected = intlOffsetMinutes(ms, zone);
          expect(offsetMinutesAt(ms, zone)).toBe(expected);
          expect(offsetMinutesAt(ms, zone)).toBe(expected);
          // Others of the same quarter hour, now answered from the cache.
          const quarter = Math.floor(ms / 900_000) * 900_000;
          for (const other of [quarter, quarter + 899_999, quarter + ((ms * 7919) % 900_000)]) {
            expect(offsetMinutesAt(other, zone)).toBe(intlOffsetMinutes(other, zone));
          }
        },
      ),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('equals Intl within an hour of every transition since 1990 (Almaty, Qostanay, Aqtobe, Oral…)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KAZAKH_ZONES),
        fc.constantFrom(
          '1991-03-30T20:00:00Z',
          '1991-09-28T21:00:00Z',
          '1992-01-18T21:00:00Z',
          '2004-10-30T21:00:00Z',
          '2005-03-14T18:00:00Z',
          '2018-12-20T18:00:00Z',
          '2024-02-29T18:00:00Z',
        ),
        fc.integer({ min: -3_600_000, max: 3_600_000 }),
        (zone, around, delta) => {
          const ms = Date.parse(around) + delta;
          expect(offsetMinutesAt(ms, zone)).toBe(intlOffsetMinutes(ms, zone));
        },
      ),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('equals Intl in any zone, any instant of 1850–2100 (quarter hours with a transition go to Intl)', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        instant('1850-01-01T00:00Z', '2100-12-31T23:59Z'),
        (zone, ms) => {
          expect(offsetMinutesAt(ms, zone)).toBe(intlOffsetMinutes(ms, zone));
        },
      ),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('is exact inside a quarter hour that holds a transition at a fraction of a minute (LMT → +05:00, 1924)', () => {
    const transition = Date.parse('1924-05-01T18:52:12Z');
    for (const ms of [
      transition - 1,
      transition,
      transition + 1,
      transition - 432_000,
      transition + 467_999,
    ]) {
      expect(offsetMinutesAt(ms, 'Asia/Almaty')).toBe(intlOffsetMinutes(ms, 'Asia/Almaty'));
    }
    expect(offsetMinutesAt(transition - 1, 'Asia/Almaty')).toBe(308); // +05:07:48
    expect(offsetMinutesAt(transition, 'Asia/Almaty')).toBe(300);
  });

  it('stays exact after the cache is cleared for growing past its bound, and at the ends of the Date range', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let q = 0; q < 5000; q++) {
      const ms = start + q * 900_000 + 1234;
      expect(offsetMinutesAt(ms, 'Asia/Aqtobe')).toBe(300);
    }
    expect(offsetMinutesAt(start, 'Asia/Aqtobe')).toBe(300);
    for (const ms of [8.64e15, -8.64e15, 8.64e15 - 1, -8.64e15 + 1]) {
      expect(offsetMinutesAt(ms, 'Asia/Almaty')).toBe(intlOffsetMinutes(ms, 'Asia/Almaty'));
    }
    expect(() => offsetMinutesAt(Number.NaN, 'Asia/Almaty')).toThrow(RangeError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../shared/plain-date';
import { formatInstant, fromCivil, offsetMinutesAt, parseInstant, toCivil } from './civil-time';

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

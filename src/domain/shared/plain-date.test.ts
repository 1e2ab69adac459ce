import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, isoWeekday, parsePlainDate, plainDate, toDayNumber } from './plain-date';

describe('PlainDate', () => {
  it.each([
    ['1970-01-01', 0, 4], // Thursday
    ['2024-02-29', 19782, 4], // Thursday, leap day
    ['2025-03-24', 20171, 1], // Monday
    ['2000-01-01', 10957, 6], // Saturday
  ])('%s is day %i, ISO weekday %i', (text, n, weekday) => {
    const d = parsePlainDate(text);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(toDayNumber(d.value)).toBe(n);
    expect(isoWeekday(d.value)).toBe(weekday);
  });

  it.each(['2023-02-29', '2025-13-01', '2025-1-01', 'tomorrow', '2025-04-31'])('rejects %s', (text) => {
    expect(parsePlainDate(text).ok).toBe(false);
  });

  it('day numbers round-trip for every day from 1800 to 2200', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber(plainDate(1800, 1, 1)), max: toDayNumber(plainDate(2200, 12, 31)) }),
        (n) => {
          expect(toDayNumber(fromDayNumber(n))).toBe(n);
        },
      ),
    );
  });

  it('addDays crosses month and year ends', () => {
    expect(addDays(plainDate(2024, 12, 31), 1)).toBe('2025-01-01');
    expect(addDays(plainDate(2024, 3, 1), -1)).toBe('2024-02-29');
  });
});

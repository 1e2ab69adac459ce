import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../shared/plain-date';
import { lastCompleteMonth, typicalWait } from './public';

describe('public figures (R-15 transparency)', () => {
  it('last month is the month before today, across the new year', () => {
    expect(lastCompleteMonth('2026-03-15' as PlainDate)).toEqual({ kind: 'month', year: 2026, index: 2 });
    expect(lastCompleteMonth('2026-01-01' as PlainDate)).toEqual({ kind: 'month', year: 2025, index: 12 });
  });

  it('the typical wait is the median, not the mean; none measured is null', () => {
    expect(typicalWait([])).toBeNull();
    expect(typicalWait([3])).toBe(3);
    expect(typicalWait([1, 2, 300])).toBe(2);
    expect(typicalWait([4, 1, 2, 3])).toBe(2.5);
    expect(typicalWait([1.25, 1.3])).toBe(1.3);
  });
});

/**
 * R-15 (transparency, issue 8 item 5): the public figures per office for last month — 1.1, 1.2, the typical
 * wait and satisfaction — with no personal data: only sums and a median are published.
 */
import type { PlainDate } from '../shared/plain-date';
import type { Period } from './period';

/** The month before the one containing `today`: the last complete month. */
export function lastCompleteMonth(today: PlainDate): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1
    ? { kind: 'month', year: year - 1, index: 12 }
    : { kind: 'month', year, index: month - 1 };
}

/**
 * The typical wait: the median of the measured waits in minutes (half waited less, half more), one decimal;
 * null when none was measured. A median, not a mean, so one stuck ticket does not make an office look slow.
 */
export function typicalWait(minutes: readonly number[]): number | null {
  if (minutes.length === 0) return null;
  const sorted = [...minutes].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(median * 10) / 10;
}

/**
 * Wait and service statistics (R-8, issue 6 item 3; the facts behind indicator 1.2 of Appendix 3): p50, p90
 * and the maximum per office or per desk, per day or per month, as pure functions over plain records.
 */
import type { PlainDate } from '../shared/plain-date';
import { DEFAULT_QUEUE_RULES, type QueueRules, type TicketStatus } from './ticket';
import { roundMinutes } from './timing';

/** What statistics need of a ticket (a row of `queue_tickets`). */
export interface VisitRecord {
  readonly officeId: string;
  /** The desk that called (and served) the ticket; null when it was never called. */
  readonly deskId: string | null;
  readonly day: PlainDate;
  readonly status: TicketStatus;
  readonly waitMinutes: number | null;
  readonly serviceMinutes: number | null;
}

/**
 * An office's day so far, as the board and the kiosk need it: the waits of the tickets called, the
 * services of those done, and how many desks have called — numbers, not tickets, so that a busy day (a
 * thousand tickets) costs the board no more than a quiet one.
 */
export interface DayTimes {
  readonly waitMinutes: readonly number[];
  readonly serviceMinutes: readonly number[];
  readonly desksThatCalled: number;
}

export interface Distribution {
  readonly count: number;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly max: number | null;
}

/**
 * The nearest-rank percentile of ascending `sorted` values: the smallest value such that at least p % of the
 * values are ≤ it. Always one of the values, so a reported p90 is a wait somebody actually had.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    max: sorted.length === 0 ? null : (sorted[sorted.length - 1] ?? null),
  };
}

export type StatsPeriod = 'day' | 'month';
export type StatsGrouping = 'office' | 'desk';

export interface QueueStats {
  readonly officeId: string;
  /** Set when grouped by desk; null for tickets never called (closed while waiting). */
  readonly deskId: string | null;
  /** `2025-03-24` for a day, `2025-03` for a month. */
  readonly period: string;
  readonly tickets: number;
  readonly served: number;
  readonly noShows: number;
  readonly closedUnserved: number;
  readonly wait: Distribution;
  readonly service: Distribution;
  /** R-8, indicator 1.2: the share (0..1) of measured waits within the limit; null when none. */
  readonly waitWithinLimit: number | null;
  readonly serviceWithinLimit: number | null;
}

export const periodOf = (day: PlainDate, period: StatsPeriod): string =>
  period === 'day' ? day : day.slice(0, 7);

const share = (values: readonly number[], limit: number): number | null =>
  values.length === 0 ? null : roundMinutes(values.filter((v) => v <= limit).length / values.length);

/**
 * Groups records by office (or office and desk) and period. A wait is counted for every ticket whose wait was
 * measured (called, or closed while waiting); a service only for tickets served to the end.
 * Sorted by office, period, then desk.
 */
export function queueStatistics(
  records: readonly VisitRecord[],
  options: { readonly by: StatsGrouping; readonly period: StatsPeriod; readonly rules?: QueueRules },
): QueueStats[] {
  const rules = options.rules ?? DEFAULT_QUEUE_RULES;
  const groups = new Map<
    string,
    { officeId: string; deskId: string | null; period: string; rows: VisitRecord[] }
  >();
  for (const r of records) {
    const deskId = options.by === 'desk' ? r.deskId : null;
    const period = periodOf(r.day, options.period);
    const key = `${r.officeId}\u0000${period}\u0000${deskId ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { officeId: r.officeId, deskId, period, rows: [] };
      groups.set(key, g);
    }
    g.rows.push(r);
  }
  const out: QueueStats[] = [];
  for (const g of groups.values()) {
    const waits = g.rows.flatMap((r) => (r.waitMinutes === null ? [] : [r.waitMinutes]));
    const services = g.rows.flatMap((r) =>
      r.status === 'done' && r.serviceMinutes !== null ? [r.serviceMinutes] : [],
    );
    out.push({
      officeId: g.officeId,
      deskId: g.deskId,
      period: g.period,
      tickets: g.rows.length,
      served: g.rows.filter((r) => r.status === 'done').length,
      noShows: g.rows.filter((r) => r.status === 'no_show').length,
      closedUnserved: g.rows.filter((r) => r.status === 'office_closed').length,
      wait: distribution(waits),
      service: distribution(services),
      waitWithinLimit: share(waits, rules.maxWaitMinutes),
      serviceWithinLimit: share(services, rules.maxServiceMinutes),
    });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort(
    (a, b) => cmp(a.officeId, b.officeId) || cmp(a.period, b.period) || cmp(a.deskId ?? '', b.deskId ?? ''),
  );
}

/**
 * Issue 8 item 4: the records behind a figure as a file, for any period — a year of the whole country
 * included. The period is read one civil day at a time (the day's facts, the domain's `recordsBehind`, then
 * the rows handed to the writer, which waits for the reader to drain them), so memory holds one day, never the
 * period. The records are the drill-down's (same rules), without personal data: no IIN, no name — an export
 * leaves the system, and R-14 shows personal data only on screen to readers allowed to see it.
 */
import { fromCivil, toCivil } from '../../domain/calendar/civil-time';
import {
  type ApplicationFact,
  type ComplaintFact,
  type DocumentFact,
  formatPeriod,
  INDICATORS,
  type IndicatorCode,
  isIndicatorCode,
  type PeriodRange,
  type Placement,
  recordsBehind,
  type SurveyFact,
  type TicketFact,
} from '../../domain/kpi';
import { checkPeriodNotFuture, parsePeriod, periodRange } from '../../domain/kpi/period';
import { addDays, type PlainDate } from '../../domain/shared/plain-date';
import { err, ok, type Result } from '../../domain/shared/result';
import type { Deps, UserRecord } from '../ports';
import { loadFacts } from './load-facts';
import { readableUnit, type Unit } from './scope';

export interface RecordsExportQuery {
  readonly period: string;
  readonly code: string;
  readonly within?: string | undefined;
}

/** One record behind the figure, as plain values (ISO instants, civil days). */
export interface RecordRow {
  readonly type: 'application' | 'document' | 'ticket' | 'complaint' | 'survey';
  /** The record's id; empty for a survey answer (anonymous, R-19). */
  readonly id: string;
  readonly office: string | null;
  readonly district: string | null;
  readonly oblast: string | null;
  readonly reason: string;
  /** When it counts: received, issued, the ticket's day, answered. */
  readonly at: string;
  readonly due: string | null;
  readonly completed: string | null;
  readonly detail: string | null;
}

export interface RecordsExport {
  readonly period: string;
  readonly code: IndicatorCode;
  readonly unit: Unit;
  readonly range: PeriodRange;
  readonly asOfMs: number;
}

/** Checks the query (period, not in the future, indicator, a unit the user may see) before anything is sent. */
export async function prepareRecordsExport(
  deps: Deps,
  user: UserRecord,
  query: RecordsExportQuery,
): Promise<Result<RecordsExport>> {
  const unit = await readableUnit(deps, user, query.within);
  if (!unit.ok) return unit;
  const period = parsePeriod(query.period);
  if (!period.ok) return period;
  const now = deps.clock.now().getTime();
  const notFuture = checkPeriodNotFuture(period.value, toCivil(now).date);
  if (!notFuture.ok) return notFuture;
  if (!isIndicatorCode(query.code)) {
    return err('KPI.UNKNOWN_INDICATOR', 'no such indicator in Appendix 3', { code: query.code });
  }
  return ok({
    period: formatPeriod(period.value),
    code: query.code,
    unit: unit.value,
    range: periodRange(period.value),
    asOfMs: now,
  });
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const where = (p: Placement) => ({ office: p.office, district: p.district, oblast: p.oblast });

function rowOf(code: IndicatorCode, fact: unknown): RecordRow {
  if (typeof fact === 'object' && fact !== null && 'receivedMs' in fact) {
    const a = fact as ApplicationFact;
    const reason =
      code === '3.2' ? 'incomplete_documents' : a.completedMs === null ? 'overdue_pending' : 'late';
    return {
      type: 'application',
      id: a.id,
      ...where(a.place),
      reason,
      at: iso(a.receivedMs)!,
      due: iso(a.dueMs),
      completed: iso(a.completedMs),
      detail: a.channel,
    };
  }
  if (typeof fact === 'object' && fact !== null && 'issuedMs' in fact) {
    const d = fact as DocumentFact;
    const at = iso(d.issuedMs)!;
    return {
      type: 'document',
      id: d.id,
      ...where(d.place),
      reason: 'superseded',
      at,
      due: null,
      completed: null,
      detail: d.kind,
    };
  }
  if (typeof fact === 'object' && fact !== null && 'registeredMs' in fact) {
    const c = fact as ComplaintFact;
    const reason =
      code === '4.1' && c.outcome !== 'justified_partly'
        ? 'justified'
        : c.outcome === 'justified_partly'
          ? 'justified_partly'
          : 'answered_late';
    return {
      type: 'complaint',
      id: c.id,
      ...where(c.place),
      reason,
      at: iso(c.answeredMs ?? c.registeredMs)!,
      due: iso(c.dueMs),
      completed: iso(c.answeredMs),
      detail: c.outcome,
    };
  }
  if (typeof fact === 'object' && fact !== null && 'waitMinutes' in fact) {
    const t = fact as TicketFact;
    return {
      type: 'ticket',
      id: t.id,
      ...where(t.place),
      reason: 'long_wait',
      at: t.day,
      due: null,
      completed: null,
      detail: t.waitMinutes === null ? null : String(t.waitMinutes),
    };
  }
  const s = fact as SurveyFact;
  const score = s.scores[code as keyof SurveyFact['scores']];
  return {
    type: 'survey',
    id: '',
    ...where(s.place),
    reason: 'dissatisfied',
    at: s.answeredOn,
    due: null,
    completed: null,
    detail: score === undefined ? null : String(score),
  };
}

/** The civil days of a range, each as its own range. */
function* days(range: PeriodRange): Generator<PeriodRange> {
  for (let day = range.from; day < range.to; day = addDays(day, 1)) {
    const next = addDays(day, 1) as PlainDate;
    yield { from: day, to: next, fromMs: fromCivil(day, 0), toMs: fromCivil(next, 0) };
  }
}

/**
 * Calls `visit` with the facts behind the figure of each civil day of the period that has any, oldest day
 * first, and waits for it: memory holds one day. 3.3 is a setting and has no records.
 */
export async function forEachDayBehind(
  deps: Deps,
  job: Pick<RecordsExport, 'code' | 'unit' | 'range' | 'asOfMs'>,
  visit: (facts: unknown[]) => Promise<void> | void,
): Promise<void> {
  if (INDICATORS[job.code].sources.includes('settings')) return;
  for (const day of days(job.range)) {
    const facts = await deps.uow.run((repos) => loadFacts(repos, day, job.unit));
    const behind = recordsBehind(job.code, facts, { range: day, asOfMs: job.asOfMs });
    if (behind.length > 0) await visit(behind);
  }
}

/**
 * Hands the records behind the figure to `write`, a day at a time, oldest first; `write` resolves when the
 * rows are on their way (backpressure).
 */
export async function streamIndicatorRecords(
  deps: Deps,
  job: RecordsExport,
  write: (rows: readonly RecordRow[]) => Promise<void>,
): Promise<number> {
  let count = 0;
  await forEachDayBehind(deps, job, async (behind) => {
    count += behind.length;
    await write(behind.map((f) => rowOf(job.code, f)));
  });
  return count;
}

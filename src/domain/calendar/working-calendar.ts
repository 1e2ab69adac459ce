/**
 * The working calendar of Kazakhstan for a five-day week: which civil days offices work.
 * It is a value built from `data/calendar/kz.json` and passed in, never global state (DESIGN.md). Every
 * question about a day outside its coverage fails loudly with `CALENDAR.OUT_OF_COVERAGE`, because a silent
 * "working day" guess would put deadlines on holidays nobody has entered yet.
 */
import { err, ok, type Result } from '../shared/result';
import { addDays, isoWeekday, type PlainDate, parsePlainDate } from '../shared/plain-date';

export type DayKind =
  | 'workday'
  | 'weekend'
  | 'holiday'
  | 'observed'
  | 'transferred_off'
  | 'transferred_workday'
  | 'religious';

/** Kinds that are stored as entries; ordinary weekdays and weekends follow from the weekday. */
export type EntryKind = Exclude<DayKind, 'workday' | 'weekend'>;

export const ENTRY_KINDS: readonly EntryKind[] = [
  'holiday',
  'observed',
  'transferred_off',
  'transferred_workday',
  'religious',
];

export interface LocalizedName {
  readonly kk: string;
  readonly ru: string;
}

/** An act on adilet.zan.kz by its document id (`Z010000267_`, `P1900000820`), and the article when it helps. */
export interface LegalBasis {
  readonly act: string;
  readonly article?: string;
}

export interface CalendarEntry {
  readonly date: PlainDate;
  readonly kind: EntryKind;
  readonly name: LocalizedName;
  readonly basis: LegalBasis;
  /**
   * Stable id of the holiday (`nauryz`, `kurban_ait`…) on holiday, religious and observed entries, so the UI
   * and the admin tools can recognise a holiday without reading its name.
   */
  readonly key?: string;
  /** `observed`: the weekend holiday this weekday stands in for. */
  readonly observedFor?: PlainDate;
  /** Transfers: the other day of the pair (the working weekend day of a day off, and vice versa). */
  readonly pairedWith?: PlainDate;
  /** A date estimated until officially announced (Kurban Ait of a future year). */
  readonly provisional?: boolean;
}

export interface Coverage {
  readonly from: PlainDate;
  readonly to: PlainDate;
}

export interface ActInfo {
  readonly kind: 'law' | 'code' | 'government_decree' | 'minister_order';
  readonly title: string;
  readonly url?: string;
}

/** The JSON shape of `data/calendar/kz.json` (and what `toCalendarJson` writes back after an admin edit). */
export interface CalendarJson {
  readonly coverage: Coverage;
  readonly acts?: Readonly<Record<string, ActInfo>>;
  readonly days: readonly CalendarEntry[];
}

export interface WorkingCalendar {
  readonly coverage: Coverage;
  readonly acts: Readonly<Record<string, ActInfo>>;
  /** Sorted by date, one per date. */
  readonly entries: readonly CalendarEntry[];
  readonly byDate: ReadonlyMap<PlainDate, CalendarEntry>;
}

export interface DayInfo {
  readonly date: PlainDate;
  readonly working: boolean;
  readonly kind: DayKind;
  readonly name?: LocalizedName;
  readonly basis?: LegalBasis;
}

const WORKING_KINDS: ReadonlySet<DayKind> = new Set(['workday', 'transferred_workday']);

export function isWeekend(date: PlainDate): boolean {
  return isoWeekday(date) >= 6;
}

function outOfCoverage(cal: WorkingCalendar, date: string): Result<never> {
  return err(
    'CALENDAR.OUT_OF_COVERAGE',
    `the working calendar covers ${cal.coverage.from} to ${cal.coverage.to}`,
    {
      date,
      coverage: { from: cal.coverage.from, to: cal.coverage.to },
    },
  );
}

export function isCovered(cal: WorkingCalendar, date: PlainDate): boolean {
  return date >= cal.coverage.from && date <= cal.coverage.to;
}

/** Fails with `CALENDAR.OUT_OF_COVERAGE` (details: `date`, `coverage`) unless the calendar knows the day. */
export function checkCoverage(cal: WorkingCalendar, ...dates: PlainDate[]): Result<true> {
  for (const d of dates) if (!isCovered(cal, d)) return outOfCoverage(cal, d);
  return ok(true);
}

export function dayInfo(cal: WorkingCalendar, date: PlainDate): Result<DayInfo> {
  if (!isCovered(cal, date)) return outOfCoverage(cal, date);
  const entry = cal.byDate.get(date);
  if (entry) {
    return ok({
      date,
      working: WORKING_KINDS.has(entry.kind),
      kind: entry.kind,
      name: entry.name,
      basis: entry.basis,
    });
  }
  const weekend = isWeekend(date);
  return ok({ date, working: !weekend, kind: weekend ? 'weekend' : 'workday' });
}

/** offices are open on working days only — transferred working Saturdays included. */
export function isWorkingDay(cal: WorkingCalendar, date: PlainDate): Result<boolean> {
  const info = dayInfo(cal, date);
  return info.ok ? ok(info.value.working) : info;
}

/** For callers that have already checked coverage; a miss here is a programming error. */
export function workingUnchecked(cal: WorkingCalendar, date: PlainDate): boolean {
  const entry = cal.byDate.get(date);
  return entry ? WORKING_KINDS.has(entry.kind) : !isWeekend(date);
}

/** Every day of `[from, to]` (for `GET /api/v1/calendar/days`); the caller limits the span. */
export function calendarDays(cal: WorkingCalendar, from: PlainDate, to: PlainDate): Result<DayInfo[]> {
  if (from > to) return err('CALENDAR.BAD_RANGE', 'the range ends before it starts', { from, to });
  const covered = checkCoverage(cal, from, to);
  if (!covered.ok) return covered;
  const days: DayInfo[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const info = dayInfo(cal, d);
    if (info.ok) days.push(info.value);
  }
  return ok(days);
}

/** Working days in `[first, last]`, both ends included (a year's total: `countWorkingDays(cal, 'Y-01-01', 'Y-12-31')`). */
export function countWorkingDays(cal: WorkingCalendar, first: PlainDate, last: PlainDate): Result<number> {
  if (first > last) return ok(0);
  const covered = checkCoverage(cal, first, last);
  if (!covered.ok) return covered;
  let n = 0;
  for (let d = first; d <= last; d = addDays(d, 1)) if (workingUnchecked(cal, d)) n++;
  return ok(n);
}

/**
 * Working days after `from` up to and including `to` — the way R-7 counts (the day of acceptance is not
 * counted), so `workingDaysBetween(cal, accepted, due) === n` for a deadline of n working days. Negative when
 * `to` is before `from`.
 */
export function workingDaysBetween(cal: WorkingCalendar, from: PlainDate, to: PlainDate): Result<number> {
  const covered = checkCoverage(cal, from, to);
  if (!covered.ok) return covered;
  if (from <= to) return countWorkingDays(cal, addDays(from, 1), to);
  const back = countWorkingDays(cal, addDays(to, 1), from);
  return back.ok ? ok(-back.value) : back;
}

/** The first working day strictly after `date`, or OUT_OF_COVERAGE when the calendar ends first. */
export function nextWorkingDay(cal: WorkingCalendar, date: PlainDate): Result<PlainDate> {
  const covered = checkCoverage(cal, date);
  if (!covered.ok) return covered;
  for (let d = addDays(date, 1); ; d = addDays(d, 1)) {
    if (!isCovered(cal, d)) return outOfCoverage(cal, d);
    if (workingUnchecked(cal, d)) return ok(d);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Building the value from JSON, and writing it back.

const ACT_KINDS = new Set(['law', 'code', 'government_decree', 'minister_order']);

type Issue = { path: string; problem: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readDate(v: unknown, path: string, issues: Issue[]): PlainDate | undefined {
  if (typeof v !== 'string') {
    issues.push({ path, problem: 'expected a date YYYY-MM-DD' });
    return undefined;
  }
  const r = parsePlainDate(v);
  if (!r.ok) {
    issues.push({ path, problem: r.error.message });
    return undefined;
  }
  return r.value;
}

function readName(v: unknown, path: string, issues: Issue[]): LocalizedName | undefined {
  if (isRecord(v) && typeof v.kk === 'string' && v.kk !== '' && typeof v.ru === 'string' && v.ru !== '') {
    return { kk: v.kk, ru: v.ru };
  }
  issues.push({ path, problem: 'expected { kk, ru } with non-empty strings' });
  return undefined;
}

function readBasis(v: unknown, path: string, issues: Issue[]): LegalBasis | undefined {
  if (isRecord(v) && typeof v.act === 'string' && v.act !== '') {
    if (v.article !== undefined && typeof v.article !== 'string') {
      issues.push({ path: `${path}.article`, problem: 'expected a string' });
      return undefined;
    }
    return v.article === undefined ? { act: v.act } : { act: v.act, article: v.article };
  }
  issues.push({ path, problem: 'expected { act, article? }' });
  return undefined;
}

function readEntry(v: unknown, path: string, issues: Issue[]): CalendarEntry | undefined {
  if (!isRecord(v)) {
    issues.push({ path, problem: 'expected an object' });
    return undefined;
  }
  const before = issues.length;
  const date = readDate(v.date, `${path}.date`, issues);
  const kind = v.kind as EntryKind;
  if (!ENTRY_KINDS.includes(kind))
    issues.push({ path: `${path}.kind`, problem: `unknown kind ${String(v.kind)}` });
  const name = readName(v.name, `${path}.name`, issues);
  const basis = readBasis(v.basis, `${path}.basis`, issues);
  const observedFor =
    v.observedFor === undefined ? undefined : readDate(v.observedFor, `${path}.observedFor`, issues);
  if (v.key !== undefined && (typeof v.key !== 'string' || !/^[a-z][a-z0-9_]*$/.test(v.key))) {
    issues.push({ path: `${path}.key`, problem: 'expected a snake_case id' });
  }
  const pairedWith =
    v.pairedWith === undefined ? undefined : readDate(v.pairedWith, `${path}.pairedWith`, issues);
  if (v.provisional !== undefined && typeof v.provisional !== 'boolean') {
    issues.push({ path: `${path}.provisional`, problem: 'expected a boolean' });
  }
  if (kind === 'observed' && observedFor === undefined) {
    issues.push({ path: `${path}.observedFor`, problem: 'an observed day names the holiday it stands for' });
  }
  if ((kind === 'transferred_off' || kind === 'transferred_workday') && pairedWith === undefined) {
    issues.push({ path: `${path}.pairedWith`, problem: 'a transferred day names the other day of its pair' });
  }
  if (issues.length > before || !date || !name || !basis) return undefined;
  return {
    date,
    kind,
    name,
    basis,
    ...(typeof v.key === 'string' ? { key: v.key } : {}),
    ...(observedFor ? { observedFor } : {}),
    ...(pairedWith ? { pairedWith } : {}),
    ...(v.provisional === true ? { provisional: true } : {}),
  };
}

/** Checks that hold for every calendar, however it was made (file, admin edit). */
function consistencyIssues(entries: readonly CalendarEntry[], byDate: ReadonlyMap<PlainDate, CalendarEntry>) {
  const issues: Issue[] = [];
  for (const e of entries) {
    const at = `days[${e.date}]`;
    const weekend = isWeekend(e.date);
    if (e.kind === 'observed') {
      const h = e.observedFor ? byDate.get(e.observedFor) : undefined;
      if (weekend) issues.push({ path: at, problem: 'an observed day off must be a weekday' });
      if (h?.kind !== 'holiday' || !isWeekend(h.date) || h.date >= e.date) {
        issues.push({ path: at, problem: 'an observed day must follow the weekend holiday it stands for' });
      }
    }
    if (e.kind === 'transferred_off' || e.kind === 'transferred_workday') {
      const other = e.pairedWith ? byDate.get(e.pairedWith) : undefined;
      const otherKind = e.kind === 'transferred_off' ? 'transferred_workday' : 'transferred_off';
      if (!other || other.kind !== otherKind || other.pairedWith !== e.date) {
        issues.push({ path: at, problem: `the paired day ${e.pairedWith} is not its ${otherKind}` });
      }
      if (e.kind === 'transferred_off' && weekend) {
        issues.push({ path: at, problem: 'a transferred day off must be a weekday' });
      }
    }
  }
  return issues;
}

/**
 * Validates `json` (the parsed `data/calendar/kz.json`) and builds the calendar value. Fails with
 * `CALENDAR.INVALID` and `details.issues` listing every problem with its path.
 */
export function buildCalendar(json: unknown): Result<WorkingCalendar> {
  const issues: Issue[] = [];
  if (!isRecord(json)) return err('CALENDAR.INVALID', 'expected a calendar object', { issues: [] });
  const cov = isRecord(json.coverage) ? json.coverage : {};
  const from = readDate(cov.from, 'coverage.from', issues);
  const to = readDate(cov.to, 'coverage.to', issues);
  if (from && to && from > to) issues.push({ path: 'coverage', problem: 'coverage ends before it starts' });

  const acts: Record<string, ActInfo> = {};
  if (json.acts !== undefined) {
    if (!isRecord(json.acts)) issues.push({ path: 'acts', problem: 'expected an object keyed by act id' });
    else {
      for (const [id, a] of Object.entries(json.acts)) {
        if (isRecord(a) && ACT_KINDS.has(String(a.kind)) && typeof a.title === 'string') {
          acts[id] = {
            kind: a.kind as ActInfo['kind'],
            title: a.title,
            ...(typeof a.url === 'string' ? { url: a.url } : {}),
          };
        } else issues.push({ path: `acts.${id}`, problem: 'expected { kind, title, url? }' });
      }
    }
  }

  const entries: CalendarEntry[] = [];
  if (!Array.isArray(json.days)) issues.push({ path: 'days', problem: 'expected an array' });
  else {
    json.days.forEach((d, i) => {
      const e = readEntry(d, `days[${i}]`, issues);
      if (e) entries.push(e);
    });
  }
  if (issues.length > 0 || !from || !to) {
    return err('CALENDAR.INVALID', 'the calendar data is invalid', { issues });
  }
  const made = makeCalendar({ from, to }, entries, acts);
  return made;
}

/** Builds the value from already-typed parts, re-checking uniqueness and the pairing of days. */
export function makeCalendar(
  coverage: Coverage,
  entries: readonly CalendarEntry[],
  acts: Readonly<Record<string, ActInfo>> = {},
): Result<WorkingCalendar> {
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const byDate = new Map<PlainDate, CalendarEntry>();
  const issues: Issue[] = [];
  for (const e of sorted) {
    if (byDate.has(e.date)) issues.push({ path: `days[${e.date}]`, problem: 'two entries for one date' });
    byDate.set(e.date, e);
  }
  issues.push(...consistencyIssues(sorted, byDate));
  if (issues.length > 0) return err('CALENDAR.INVALID', 'the calendar data is invalid', { issues });
  return ok({ coverage: { from: coverage.from, to: coverage.to }, acts, entries: sorted, byDate });
}

/** The JSON to store after an admin edit; `buildCalendar(toCalendarJson(cal))` gives the same calendar. */
export function toCalendarJson(cal: WorkingCalendar): CalendarJson {
  return { coverage: cal.coverage, acts: cal.acts, days: cal.entries };
}

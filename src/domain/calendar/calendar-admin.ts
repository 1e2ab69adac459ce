/**
 * Admin edits of the working calendar (issue 3 item 4): add a year, a transfer, a Kurban Ait date. Each is a
 * pure function from a calendar to a new calendar; the observed days are recomputed from the sources, so an
 * edit can never leave a stale weekend-rule day behind. The caller persists `toCalendarJson(result)` and
 * writes the audit row.
 */
import { err, ok, type Result } from '../shared/result';
import { type PlainDate, plainDate, ymd } from '../shared/plain-date';
import {
  type CalendarSources,
  deriveEntries,
  type HolidaySource,
  type ReligiousSource,
  sourcesOf,
  type TransferSource,
} from './holiday-rules';
import {
  type CalendarEntry,
  checkCoverage,
  type Coverage,
  isCovered,
  type LegalBasis,
  type LocalizedName,
  makeCalendar,
  type WorkingCalendar,
} from './working-calendar';

export const KURBAN_AIT_KEY = 'kurban_ait';
export const KURBAN_AIT_NAME: LocalizedName = { kk: 'Құрбан айт', ru: 'Курбан айт' };

function rebuild(
  cal: WorkingCalendar,
  coverage: Coverage,
  sources: CalendarSources,
): Result<WorkingCalendar> {
  const entries = deriveEntries(sources);
  if (!entries.ok) return entries;
  return makeCalendar(coverage, entries.value, cal.acts);
}

function transferTouches(t: TransferSource, date: PlainDate): boolean {
  return t.off === date || t.work === date;
}

/**
 * Adds a transfer decreed by an act: `off` (a weekday that is now an ordinary working day) rests and `work`
 * (a Saturday or Sunday that is now an ordinary weekend day, or an observed day the act moves) is worked.
 * Both must lie in the coverage.
 */
export function addTransfer(
  cal: WorkingCalendar,
  transfer: { off: PlainDate; work: PlainDate; basis: LegalBasis },
): Result<WorkingCalendar> {
  const covered = checkCoverage(cal, transfer.off, transfer.work);
  if (!covered.ok) return covered;
  const sources = sourcesOf(cal);
  for (const d of [transfer.off, transfer.work]) {
    const existing = cal.byDate.get(d);
    // An act may move an observed day elsewhere (2020: Mon 11 May worked, Fri 8 May off instead).
    const movesObserved = d === transfer.work && existing?.kind === 'observed';
    if ((existing && !movesObserved) || sources.transfers.some((t) => transferTouches(t, d))) {
      return err('CALENDAR.DUPLICATE_DATE', `${d} is already a ${existing?.kind ?? 'transferred'} day`, {
        date: d,
        existing: existing?.kind,
      });
    }
  }
  return rebuild(cal, cal.coverage, { ...sources, transfers: [...sources.transfers, transfer] });
}

/**
 * Sets the first day of Kurban Ait for its year. A provisional (estimated) date is replaced; an announced one
 * is not (`CALENDAR.DUPLICATE_DATE` naming it) — correcting an announced date is a deliberate two-step edit.
 */
export function setKurbanAit(
  cal: WorkingCalendar,
  day: { date: PlainDate; basis: LegalBasis; provisional?: boolean; name?: LocalizedName },
): Result<WorkingCalendar> {
  const covered = checkCoverage(cal, day.date);
  if (!covered.ok) return covered;
  const year = day.date.slice(0, 4);
  const sources = sourcesOf(cal);
  const sameYear = sources.religious.filter((r) => r.key === KURBAN_AIT_KEY && r.date.slice(0, 4) === year);
  const announced = sameYear.find((r) => !r.provisional);
  if (announced) {
    return err('CALENDAR.DUPLICATE_DATE', `Kurban Ait ${year} is already set to ${announced.date}`, {
      date: day.date,
      existing: announced.date,
    });
  }
  const religious = sources.religious.filter((r) => !sameYear.includes(r));
  religious.push({
    date: day.date,
    key: KURBAN_AIT_KEY,
    name: day.name ?? KURBAN_AIT_NAME,
    basis: day.basis,
    ...(day.provisional ? { provisional: true } : {}),
  });
  return rebuild(cal, cal.coverage, { ...sources, religious });
}

export interface YearSpec {
  readonly year: number;
  /** Public holidays of that year (the weekend rule applies to them). */
  readonly holidays: readonly HolidaySource[];
  /** 7 January and Kurban Ait of that year (never moved). */
  readonly religious: readonly ReligiousSource[];
  /** Transfers decreed for that year; one day of a pair may lie in an adjacent covered year. */
  readonly transfers: readonly TransferSource[];
}

/**
 * Extends the coverage by one whole year at either end (the year after `coverage.to` or before
 * `coverage.from`). Fails with `CALENDAR.YEAR_NOT_ADJACENT` otherwise, `CALENDAR.DATE_OUTSIDE_YEAR` when a
 * holiday lies in another year, and the rule errors of `deriveEntries`.
 */
export function addYear(cal: WorkingCalendar, spec: YearSpec): Result<WorkingCalendar> {
  const first = plainDate(spec.year, 1, 1);
  const last = plainDate(spec.year, 12, 31);
  const fromYear = ymd(cal.coverage.from).year;
  const toYear = ymd(cal.coverage.to).year;
  let coverage: Coverage;
  if (spec.year === toYear + 1 && cal.coverage.to === plainDate(toYear, 12, 31)) {
    coverage = { from: cal.coverage.from, to: last };
  } else if (spec.year === fromYear - 1 && cal.coverage.from === plainDate(fromYear, 1, 1)) {
    coverage = { from: first, to: cal.coverage.to };
  } else {
    return err('CALENDAR.YEAR_NOT_ADJACENT', `only ${fromYear - 1} or ${toYear + 1} can be added`, {
      year: spec.year,
      coverage: cal.coverage,
    });
  }
  for (const d of [...spec.holidays, ...spec.religious]) {
    if (d.date < first || d.date > last) {
      return err('CALENDAR.DATE_OUTSIDE_YEAR', `${d.date} is not in ${spec.year}`, {
        date: d.date,
        year: spec.year,
      });
    }
  }
  const inside = (d: PlainDate) => d >= coverage.from && d <= coverage.to;
  for (const t of spec.transfers) {
    for (const d of [t.off, t.work]) {
      if (!inside(d)) {
        return err('CALENDAR.OUT_OF_COVERAGE', `${d} is outside the calendar even with ${spec.year} added`, {
          date: d,
          coverage,
        });
      }
    }
  }
  const sources = sourcesOf(cal);
  return rebuild(cal, coverage, {
    holidays: [...sources.holidays, ...spec.holidays],
    religious: [...sources.religious, ...spec.religious],
    transfers: [...sources.transfers, ...spec.transfers],
  });
}

/**
 * A starting point for `addYear`: the holidays and 7 January of `templateYear` moved to `year` (all are fixed
 * dates), without Kurban Ait and transfers, which the admin enters from the year's acts.
 */
export function draftYear(cal: WorkingCalendar, templateYear: number, year: number): Result<YearSpec> {
  const covered = checkCoverage(cal, plainDate(templateYear, 1, 1), plainDate(templateYear, 12, 31));
  if (!covered.ok) return covered;
  const sources = sourcesOf(cal);
  const move = <T extends HolidaySource>(h: T): T | undefined => {
    const { year: y, month, day } = ymd(h.date);
    if (y !== templateYear) return undefined;
    try {
      return { ...h, date: plainDate(year, month, day) };
    } catch {
      return undefined; // 29 February
    }
  };
  const holidays = sources.holidays.map(move).filter((h): h is HolidaySource => h !== undefined);
  const religious = sources.religious
    .filter((r) => r.key !== KURBAN_AIT_KEY)
    .map(move)
    .filter((r): r is ReligiousSource => r !== undefined)
    .map(({ provisional: _p, ...r }) => r);
  return ok({ year, holidays, religious, transfers: [] });
}

/** Entries of one year, for the admin screen. */
export function entriesOfYear(cal: WorkingCalendar, year: number): CalendarEntry[] {
  const prefix = `${String(year).padStart(4, '0')}-`;
  return cal.entries.filter((e) => e.date.startsWith(prefix) && isCovered(cal, e.date));
}

/** What an admin enters to add a year (issue 3 item 4): the act, Kurban Ait if announced, the year's transfers. */
export interface NewYearRequest {
  readonly year: number;
  readonly basis: LegalBasis;
  readonly kurbanAit?: { readonly date: PlainDate; readonly provisional?: boolean };
  readonly transfers?: readonly { readonly off: PlainDate; readonly work: PlainDate }[];
}

/**
 * The whole `YearSpec` of a new year: the fixed-date holidays and 7 January drafted from the adjacent
 * covered year, plus Kurban Ait and the transfers the admin entered under the act they cite. The result is what
 * `addYear` stores, so replaying it never depends on the template year again.
 */
export function buildYearSpec(cal: WorkingCalendar, request: NewYearRequest): Result<YearSpec> {
  const toYear = ymd(cal.coverage.to).year;
  const fromYear = ymd(cal.coverage.from).year;
  const template =
    request.year === toYear + 1 ? toYear : request.year === fromYear - 1 ? fromYear : undefined;
  if (template === undefined) {
    return err('CALENDAR.YEAR_NOT_ADJACENT', `only ${fromYear - 1} or ${toYear + 1} can be added`, {
      year: request.year,
      coverage: cal.coverage,
    });
  }
  const draft = draftYear(cal, template, request.year);
  if (!draft.ok) return draft;
  const inYear = (d: PlainDate) => ymd(d).year === request.year;
  if (request.kurbanAit && !inYear(request.kurbanAit.date)) {
    return err('CALENDAR.DATE_OUTSIDE_YEAR', `Kurban Ait must fall in ${request.year}`, {
      date: request.kurbanAit.date,
    });
  }
  const religious: ReligiousSource[] = [...draft.value.religious];
  if (request.kurbanAit) {
    religious.push({
      date: request.kurbanAit.date,
      key: KURBAN_AIT_KEY,
      name: KURBAN_AIT_NAME,
      basis: request.basis,
      ...(request.kurbanAit.provisional ? { provisional: true } : {}),
    });
  }
  const transfers = (request.transfers ?? []).map((t) => ({
    off: t.off,
    work: t.work,
    basis: request.basis,
  }));
  return ok({ ...draft.value, religious, transfers });
}

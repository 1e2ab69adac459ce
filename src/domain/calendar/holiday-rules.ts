/**
 * How the non-working days follow from their sources (R-7, R-10; Law «On holidays» No. 267-II, art. 5;
 * Labour Code). The sources are what a law or an act states — public holidays, the two religious days, the
 * transfers — and the observed days are derived from them, so the generator of `data/calendar/kz.json` and
 * the admin edits apply exactly the same rule.
 */
import { err, ok, type Result } from '../shared/result';
import { addDays, isoWeekday, type PlainDate } from '../shared/plain-date';
import type { CalendarEntry, LegalBasis, LocalizedName, WorkingCalendar } from './working-calendar';
import { isWeekend } from './working-calendar';

/** A public holiday: when it falls on a weekend, the next working day is off (the weekend rule). */
export interface HolidaySource {
  readonly date: PlainDate;
  readonly key: string;
  readonly name: LocalizedName;
  readonly basis: LegalBasis;
}

/** 7 January and the first day of Kurban Ait: non-working, never moved (Labour Code 2015 art. 84 §5). */
export interface ReligiousSource extends HolidaySource {
  readonly provisional?: boolean;
}

/** A decree or order moving a day off: `off` (a weekday) rests, `work` (a weekend day) is worked instead. */
export interface TransferSource {
  readonly off: PlainDate;
  readonly work: PlainDate;
  readonly basis: LegalBasis;
}

export interface CalendarSources {
  readonly holidays: readonly HolidaySource[];
  readonly religious: readonly ReligiousSource[];
  readonly transfers: readonly TransferSource[];
}

/** Law «On holidays in the Republic of Kazakhstan», art. 5: the weekend rule. */
export const OBSERVED_BASIS: LegalBasis = { act: 'Z010000267_', article: '5' };

export const TRANSFERRED_OFF_NAME: LocalizedName = {
  kk: 'Ауыстырылған демалыс күні',
  ru: 'Перенесённый день отдыха',
};
export const TRANSFERRED_WORKDAY_NAME: LocalizedName = {
  kk: 'Ауыстырылған жұмыс күні',
  ru: 'Перенесённый рабочий день',
};

const byDate = <T extends { date: PlainDate }>(a: T, b: T) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

/**
 * Applies the rules to the sources and returns every entry, sorted. Order matters and mirrors how the acts
 * are written:
 *  1. holidays, religious days and the weekday of each transfer are non-working;
 *  2. each weekend holiday, in date order, gives its own observed day: the first weekday after it that is not
 *     already non-working (so Sat 22 + Sun 23 Mar 2025 give Mon 24 and Tue 25; a religious day or a
 *     transferred day off in the way is skipped);
 *  3. the working day of each transfer is worked — a weekend day, or an observed day that the act moved
 *     elsewhere (2020: Victory Day's observed Mon 11 May was worked, Fri 8 May rested instead).
 * Fails with `CALENDAR.DUPLICATE_DATE`, `CALENDAR.TRANSFER_OFF_NOT_WEEKDAY` or
 * `CALENDAR.TRANSFER_WORKDAY_NOT_WEEKEND` naming the date.
 */
export function deriveEntries(sources: CalendarSources): Result<CalendarEntry[]> {
  const days = new Map<PlainDate, CalendarEntry>();
  const duplicate = (date: PlainDate) =>
    err('CALENDAR.DUPLICATE_DATE', `${date} is already a ${days.get(date)?.kind ?? 'listed'} day`, {
      date,
      existing: days.get(date)?.kind,
    });

  for (const h of [...sources.holidays].sort(byDate)) {
    if (days.has(h.date)) return duplicate(h.date);
    days.set(h.date, { date: h.date, kind: 'holiday', key: h.key, name: h.name, basis: h.basis });
  }
  for (const r of [...sources.religious].sort(byDate)) {
    if (days.has(r.date)) return duplicate(r.date);
    days.set(r.date, {
      date: r.date,
      kind: 'religious',
      key: r.key,
      name: r.name,
      basis: r.basis,
      ...(r.provisional ? { provisional: true } : {}),
    });
  }
  const transfers = [...sources.transfers].sort((a, b) => (a.off < b.off ? -1 : a.off > b.off ? 1 : 0));
  for (const t of transfers) {
    if (isWeekend(t.off)) {
      return err(
        'CALENDAR.TRANSFER_OFF_NOT_WEEKDAY',
        `the day off of a transfer must be a weekday: ${t.off}`,
        {
          date: t.off,
          weekday: isoWeekday(t.off),
        },
      );
    }
    if (days.has(t.off)) return duplicate(t.off);
    days.set(t.off, {
      date: t.off,
      kind: 'transferred_off',
      name: TRANSFERRED_OFF_NAME,
      basis: t.basis,
      pairedWith: t.work,
    });
  }

  for (const h of [...sources.holidays].sort(byDate)) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || days.has(d)) d = addDays(d, 1);
    days.set(d, {
      date: d,
      kind: 'observed',
      key: h.key,
      name: h.name,
      basis: OBSERVED_BASIS,
      observedFor: h.date,
    });
  }

  for (const t of transfers) {
    const there = days.get(t.work);
    const movesObserved = there?.kind === 'observed';
    if (there && !movesObserved) return duplicate(t.work);
    if (!isWeekend(t.work) && !movesObserved) {
      return err(
        'CALENDAR.TRANSFER_WORKDAY_NOT_WEEKEND',
        `the working day of a transfer must be a weekend day (or an observed day off it moves): ${t.work}`,
        { date: t.work, weekday: isoWeekday(t.work) },
      );
    }
    days.set(t.work, {
      date: t.work,
      kind: 'transferred_workday',
      name: TRANSFERRED_WORKDAY_NAME,
      basis: t.basis,
      pairedWith: t.off,
    });
  }
  return ok([...days.values()].sort(byDate));
}

/** The sources a calendar was derived from: its entries minus the observed days (which the rule recomputes). */
export function sourcesOf(cal: WorkingCalendar): CalendarSources {
  const holidays: HolidaySource[] = [];
  const religious: ReligiousSource[] = [];
  const transfers: TransferSource[] = [];
  for (const e of cal.entries) {
    const key = e.key ?? e.kind;
    if (e.kind === 'holiday') holidays.push({ date: e.date, key, name: e.name, basis: e.basis });
    if (e.kind === 'religious') {
      religious.push({
        date: e.date,
        key,
        name: e.name,
        basis: e.basis,
        ...(e.provisional ? { provisional: true } : {}),
      });
    }
    if (e.kind === 'transferred_off' && e.pairedWith) {
      transfers.push({ off: e.date, work: e.pairedWith, basis: e.basis });
    }
  }
  return { holidays, religious, transfers };
}

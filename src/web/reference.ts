/**
 * What the public reference pages read from the API (issue 3, item 5: offices, territory, calendar, deadlines)
 * and the small pure helpers they share: a name in the reader's language, a phone as a `tel:` link, a civil
 * time in Asia/Almaty as an instant, and the weeks of a month for the calendar grid.
 */
import { addDays, isoWeekday, type PlainDate, plainDate, daysInMonth } from '../domain/shared/plain-date';
import { almatyCivilTime, type Locale } from '../i18n';

export interface LocalizedName {
  readonly kk: string;
  readonly ru: string;
}

export const OFFICE_KINDS = [
  'rural_akimat',
  'district_apparatus',
  'city_apparatus',
  'oblast_apparatus',
  'psc',
] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

export function isOfficeKind(value: string | null): value is OfficeKind {
  return (OFFICE_KINDS as readonly (string | null)[]).includes(value);
}

export interface OpenPeriod {
  readonly from: string;
  readonly to: string;
}

export interface Office {
  readonly id: string;
  readonly appendix: 1 | 2 | null;
  readonly ordinal: number | null;
  readonly kind: OfficeKind;
  readonly kato: string | null;
  readonly oblast: LocalizedName | null;
  readonly name: LocalizedName;
  readonly address: string | null;
  readonly phones: readonly string[];
  readonly fax: string | null;
  readonly emails: readonly string[];
  readonly hours: {
    readonly schedule: 'akimat' | 'psc' | 'psc_branch';
    /** Today's open periods in Asia/Almaty; empty on a day off. */
    readonly today: readonly OpenPeriod[];
    readonly openNow: boolean;
  };
}

export interface OfficesAnswer {
  readonly total: number;
  readonly offices: readonly Office[];
}

export interface TerritoryNode {
  readonly code: string;
  readonly parentCode: string | null;
  readonly level: number;
  readonly kind: string;
  readonly name: LocalizedName;
  readonly isServiceProvider: boolean;
}

export const DAY_KINDS = [
  'workday',
  'weekend',
  'holiday',
  'observed',
  'transferred_off',
  'transferred_workday',
  'religious',
] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export interface CalendarDay {
  readonly date: PlainDate;
  readonly working: boolean;
  readonly kind: DayKind;
  readonly name?: LocalizedName;
}

export interface Deadline {
  /** ISO instant with offset: the closing time of the n-th working day. */
  readonly due: string;
  readonly dueDate: PlainDate;
  readonly acceptedOn: PlainDate;
}

/** Names exist in kk and ru only (the KATO and the standard); English readers get the Russian name. */
export function localName(name: LocalizedName, locale: Locale): string {
  return locale === 'kk' ? name.kk : name.ru;
}

/** Sorts by the name the reader sees, with the reader's collation (Chromium falls back to the root order for kk). */
export function sortByName<T extends { name: LocalizedName }>(items: readonly T[], locale: Locale): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...items].sort((a, b) => collator.compare(localName(a.name, locale), localName(b.name, locale)));
}

/**
 * A `tel:` link for a phone of the directory, when the number is complete: `8 (7162) 25-79-22` and
 * `+7 701 234 56 78` dial; a local `40-10-76` (no area code in the seed) does not, so it stays plain text.
 */
export function telHref(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7')))
    return `tel:+7${digits.slice(1)}`;
  if (digits.length === 10) return `tel:+7${digits}`;
  return null;
}

const CIVIL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant of a civil time in Asia/Almaty (`2027-11-12T10:15`, as an `<input type="datetime-local">` gives
 * it), as an ISO string with the offset in force then: +06:00 before 1 March 2024, +05:00 since. The offset
 * comes from the IANA data of the browser, not from a constant; null for malformed input.
 */
export function almatyInstant(civil: string): string | null {
  const m = CIVIL.exec(civil);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  for (const offsetHours of [5, 6, 4, 7]) {
    const t = almatyCivilTime(new Date(asUtc - offsetHours * 3_600_000));
    if (t.year === year && t.month === month && t.day === day && t.hour === hour && t.minute === minute) {
      return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00+${String(offsetHours).padStart(2, '0')}:00`;
    }
  }
  return null;
}

/** Now in Asia/Almaty as `YYYY-MM-DDTHH:MM`, the value format of `<input type="datetime-local">`. */
export function almatyNowInput(now: Date): string {
  const t = almatyCivilTime(now);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.year}-${p(t.month)}-${p(t.day)}T${p(t.hour)}:${p(t.minute)}`;
}

/** Today in Asia/Almaty. */
export function almatyToday(now: Date): PlainDate {
  const t = almatyCivilTime(now);
  return plainDate(t.year, t.month, t.day);
}

/**
 * The weeks of a month, Monday first, for a calendar grid: each week has seven cells, a date or null for the
 * days of the neighbouring months.
 */
export function monthWeeks(year: number, month: number): (PlainDate | null)[][] {
  const first = plainDate(year, month, 1);
  const weeks: (PlainDate | null)[][] = [];
  let week: (PlainDate | null)[] = Array.from({ length: isoWeekday(first) - 1 }, () => null);
  const count = daysInMonth(year, month);
  for (let i = 0; i < count; i++) {
    week.push(addDays(first, i));
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

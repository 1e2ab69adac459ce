/**
 * Locale-aware formatting of dates, instants, numbers and durations (issue 2, item 5). Instants are shown
 * as civil time in Asia/Almaty (DESIGN.md: converted once, at the edge); whole days (PlainDate strings) are
 * shown as they are, with no time-zone shift.
 *
 * Kazakh is formatted here by hand: Chromium ships ICU without Kazakh data, so `Intl` in the browser turns
 * kk dates into "2025 M03 24" and kk numbers into "1,234,567.5". Russian and English go through `Intl`.
 */
import type { PlainDate } from '../domain/shared/plain-date';
import type { Locale } from './locales';

export const TIME_ZONE = 'Asia/Almaty';

/** BCP 47 tags for Intl: en-GB keeps day-month-year order, as people in Kazakhstan read dates. */
const INTL_TAG = { ru: 'ru-RU', en: 'en-GB' } as const;

/** Kazakh writes numbers as Russian does: a space between thousands, a decimal comma. */
const NUMBER_TAG: Readonly<Record<Locale, string>> = { kk: 'ru-RU', ru: 'ru-RU', en: 'en-GB' };

const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
] as const;

/** Kazakh does not inflect a noun after a numeral: "1 минут", "5 минут". */
const KK_UNITS = { second: 'секунд', minute: 'минут', hour: 'сағат' } as const;

export type DateStyle = 'long' | 'short';

interface CivilTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function plainParts(value: string): CivilTime {
  const m = DATE_ONLY.exec(value);
  if (!m) throw new RangeError(`not a plain date: ${value}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 12, minute: 0 };
}

// 'en-US' numeric parts exist in every ICU build, so this works in Node and in any browser.
const ALMATY_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** The civil date and time in Almaty of an instant. */
export function almatyCivilTime(instant: Date): CivilTime {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(ALMATY_PARTS.formatToParts(instant).find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The same civil time as a Date whose UTC fields hold it, to format with `timeZone: 'UTC'`. */
const asUtc = (t: CivilTime) => new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute));

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  short: { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
};

function formatCivilDate(locale: Locale, t: CivilTime, style: DateStyle): string {
  if (locale === 'kk') {
    return style === 'long'
      ? `${t.year} жылғы ${t.day} ${KK_MONTHS[t.month - 1]}`
      : `${pad2(t.day)}.${pad2(t.month)}.${t.year}`;
  }
  return new Intl.DateTimeFormat(INTL_TAG[locale], DATE_OPTIONS[style]).format(asUtc(t));
}

/** A whole day (`2025-03-24`) as it is, or the Almaty civil date of an instant. */
export function formatDate(locale: Locale, value: PlainDate | Date, style: DateStyle = 'long'): string {
  return formatCivilDate(
    locale,
    typeof value === 'string' ? plainParts(value) : almatyCivilTime(value),
    style,
  );
}

/** An instant as Almaty date and 24-hour time: `24.03.2025, 15:05`. */
export function formatDateTime(locale: Locale, instant: Date): string {
  const t = almatyCivilTime(instant);
  return `${formatCivilDate(locale, t, 'short')}, ${pad2(t.hour)}:${pad2(t.minute)}`;
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(NUMBER_TAG[locale], options).format(value);
}

/**
 * A wait such as Retry-After, in the largest whole unit, rounded up so that nobody retries too early:
 * 45 → "45 секунд", 61 → "2 минут" (kk) / "2 минуты" (ru) / "2 minutes" (en).
 */
export function formatDuration(locale: Locale, seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const [amount, unit] =
    s < 60
      ? ([s, 'second'] as const)
      : s < 3600
        ? ([Math.ceil(s / 60), 'minute'] as const)
        : ([Math.ceil(s / 3600), 'hour'] as const);
  if (locale === 'kk') return `${formatNumber(locale, amount)} ${KK_UNITS[unit]}`;
  return new Intl.NumberFormat(INTL_TAG[locale], { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}

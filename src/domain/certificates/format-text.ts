/**
 * How printed documents write dates, times, numbers and names in Kazakh and Russian. By hand:
 * Node's and Chromium's ICU have no Kazakh month names, and a document must print the same on every machine.
 */
import { type InstantInput, parseInstant, toCivil } from '../calendar/index';
import { DomainInvariantError } from '../shared/result';
import { type PlainDate, ymd } from '../shared/plain-date';
import type { DocumentLanguage } from './documents';

/** Nominative: "2026 жылғы 25 қараша". */
export const KK_MONTHS = [
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

/** Genitive, as a Russian date is written: "25 ноября 2026 г.". */
export const RU_MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

const NBSP = '\u00a0';

/** "2026 жылғы 25 қараша" / "25 ноября 2026 г." */
export function formatDate(date: PlainDate, lang: DocumentLanguage): string {
  const { year, month, day } = ymd(date);
  return lang === 'kk'
    ? `${year} жылғы ${day} ${KK_MONTHS[month - 1]}`
    : `${day} ${RU_MONTHS_GENITIVE[month - 1]} ${year} г.`;
}

/** Civil date and `HH:MM` of an instant in the office's zone (Asia/Almaty). Throws on a malformed instant. */
export function civilParts(instant: InstantInput, timeZone?: string): { date: PlainDate; time: string } {
  const ms = parseInstant(instant);
  if (!ms.ok) throw new DomainInvariantError(ms.error.code, ms.error.message, { instant });
  const c = toCivil(ms.value, timeZone);
  const minute = Math.floor(c.minute);
  const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  return { date: c.date, time };
}

/** "2026 жылғы 25 қараша, сағат 10:00" / "25 ноября 2026 г., 10:00". */
export function formatDateTime(instant: InstantInput, lang: DocumentLanguage, timeZone?: string): string {
  const { date, time } = civilParts(instant, timeZone);
  return lang === 'kk' ? `${formatDate(date, 'kk')}, сағат ${time}` : `${formatDate(date, 'ru')}, ${time}`;
}

/**
 * The Kazakh dative ending after a clock time, which follows the sound of the last word read aloud: "20:00-ге"
 * (as the standard writes "20.00-ге"), "19:30-ға" (отыз), "18:45-ке" (қырық бес).
 */
export function kkDativeOfTime(time: string): string {
  const minute = Number(time.slice(3, 5));
  if (!Number.isInteger(minute) || minute === 0) return `${time}-ге`;
  const units = ['', 'ге', 'ге', 'ке', 'ке', 'ке', 'ға', 'ге', 'ге', 'ға'] as const;
  const tens = ['', 'ға', 'ға', 'ға', 'қа', 'ге'] as const;
  const ending = minute % 10 === 0 ? tens[minute / 10] : units[minute % 10];
  return `${time}-${ending}`;
}

/** "2026 жылғы 27 қараша, сағат 20:00-ге дейін" / "27 ноября 2026 г., до 20:00". */
export function formatDueBy(instant: InstantInput, lang: DocumentLanguage, timeZone?: string): string {
  const { date, time } = civilParts(instant, timeZone);
  return lang === 'kk'
    ? `${formatDate(date, 'kk')}, сағат ${kkDativeOfTime(time)} дейін`
    : `${formatDate(date, 'ru')}, до ${time}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** Whole counts with a no-break space between thousands: "1 200". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n))
    throw new DomainInvariantError('DOCUMENT.BAD_NUMBER', 'not a finite number', { n });
  const sign = n < 0 ? '-' : '';
  return sign + groupThousands(String(Math.round(Math.abs(n))));
}

/**
 * Hectares with a decimal comma, as both languages write them: at least two decimals and at most four (1 m²),
 * "0,25", "1,00", "0,0625", "1 250,50".
 */
export function formatArea(ha: number): string {
  if (!Number.isFinite(ha))
    throw new DomainInvariantError('DOCUMENT.BAD_NUMBER', 'not a finite area', { ha });
  const squareMetres = Math.round(Math.abs(ha) * 10_000);
  const whole = Math.floor(squareMetres / 10_000);
  const fraction = String(squareMetres % 10_000)
    .padStart(4, '0')
    .replace(/0{1,2}$/, '');
  return `${ha < 0 ? '-' : ''}${groupThousands(String(whole))},${fraction}`;
}

/** Russian noun after a number: 1 день, 2 дня, 5 дней (11–14 take the plural of many). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

export interface PersonName {
  readonly surname: string;
  readonly name: string;
  readonly patronymic?: string;
}

/** "Сейітов Бауыржан Қанатұлы" — in the order of the identity card. */
export function fullName(person: PersonName): string {
  return [person.surname, person.name, person.patronymic]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');
}

/** The first letter of surname, name and patronymic, upper case: "СБҚ" (R-23: the QR shows initials only). */
export function initialsOf(person: PersonName): string {
  return [person.surname, person.name, person.patronymic]
    .map((part) => (part ?? '').match(/\p{L}/u)?.[0]?.toLocaleUpperCase('ru') ?? '')
    .join('');
}

/** "С. Б. Қ." for display. */
export function formatInitials(initials: string): string {
  return [...initials].map((letter) => `${letter}.`).join(' ');
}

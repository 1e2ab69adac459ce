/**
 * The one way to look a UI message up, in kk (default), ru or en.
 * Server errors are shown by translating their `code` (`error.<CODE>`), never the server's own text.
 */
import { en } from './en';
import { formatNumber } from './format';
import { type Catalog, kk, type MessageKey } from './kk';
import type { Locale } from './locales';
import { ru } from './ru';

export type { Catalog, MessageKey };
export {
  almatyCivilTime,
  type DateStyle,
  formatDate,
  formatDateTime,
  formatDuration,
  formatNumber,
  TIME_ZONE,
} from './format';
export { DEFAULT_LOCALE, isLocale, LOCALE_NAMES, LOCALES, type Locale } from './locales';

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { kk, ru, en };

export type MessageParams = Readonly<Record<string, string | number>>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(kk, key);
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The names of the `{placeholders}` in a message, in order of appearance. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/**
 * `translate('ru', 'home.welcome', { name: 'Айгерим' })`. Numbers are formatted for the locale; a placeholder
 * without a value is left visible as `{name}` so that the omission shows up in review rather than as blank text.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const message = CATALOGS[locale][key];
  if (!params) return message;
  return message.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** The message for a server or client error code (`AUTH.INVALID_CREDENTIALS`); unknown codes name themselves. */
export function translateError(locale: Locale, code: string, params?: MessageParams): string {
  const key = `error.${code}`;
  if (isMessageKey(key)) return translate(locale, key, params);
  return translate(locale, 'error.UNKNOWN', { ...params, code });
}

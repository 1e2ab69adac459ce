/** The UI's three languages: Kazakh (the default, DESIGN.md), Russian, and English as a third. */
export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'kk';

/** Each language named in itself, as a language switcher shows it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

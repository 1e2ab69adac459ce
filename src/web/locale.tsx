/**
 * The chosen UI language (issue 2, item 5): Kazakh unless the person picked another, remembered in
 * localStorage, and reflected in `<html lang>` so that screen readers pronounce the page correctly.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  type MessageKey,
  type MessageParams,
  translate,
  translateError,
} from '../i18n';

export const LOCALE_STORAGE_KEY = 'qosalqy.locale';

/** The stored choice, or null when there is none (or storage is blocked). */
export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or a full quota: the choice lasts for this page only.
  }
}

export interface I18n {
  readonly locale: Locale;
  /** Sets the language and remembers it as the person's own choice. */
  readonly setLocale: (locale: Locale) => void;
  /** Applies a user's profile language unless the person has chosen one on this device. */
  readonly preferLocale: (locale: Locale) => void;
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  /** Translates an error code from the server or the client (`AUTH.INVALID_CREDENTIALS`, `NETWORK`). */
  readonly tError: (code: string, params?: MessageParams) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale() ?? DEFAULT_LOCALE);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const preferLocale = useCallback((next: Locale) => {
    if (storedLocale() === null) setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      preferLocale,
      t: (key, params) => translate(locale, key, params),
      tError: (code, params) => translateError(locale, code, params),
    }),
    [locale, setLocale, preferLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside LocaleProvider');
  return value;
}

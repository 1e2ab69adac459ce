import { LOCALE_NAMES, LOCALES } from '../i18n';
import { useI18n } from './locale';

/**
 * Three buttons, each named in its own language (and marked with that `lang`), so that someone who cannot
 * read the current language still finds theirs. The pressed one is the current language.
 */
export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  return (
    <fieldset className="language-switcher">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          className="language-switcher__button"
          onClick={() => setLocale(l)}
        >
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </fieldset>
  );
}

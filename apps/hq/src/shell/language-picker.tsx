import { isLocale, locales } from '@repo/i18n';
import { useI18n } from '../i18n/i18n.js';

/** Switches the console's language; the choice is remembered in this browser. */
export function LanguagePicker() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="language-picker">
      <label htmlFor="language">{t('header.language')}</label>
      <select id="language" value={locale} onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}>
        {locales.map((l) => <option key={l} value={l} lang={l}>{t(`locale.${l}`)}</option>)}
      </select>
    </div>
  );
}

import { isLocale, locales } from '@repo/i18n';
import { useI18n } from '../i18n/i18n.js';

/** Switches the app's language; the choice is remembered on this device. */
export function LanguagePicker() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="field">
      <label htmlFor="language">{t('settings.language')}</label>
      <select id="language" value={locale} onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}>
        {locales.map((l) => <option key={l} value={l}>{t(`locale.${l}`)}</option>)}
      </select>
    </div>
  );
}

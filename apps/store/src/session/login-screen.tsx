import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { LanguagePicker } from '../settings/language-picker.js';
import { requestPersistentStorage } from '../sync-status/storage-warnings.js';
import { signIn, type SignInFailure } from './session-store.js';

/** Sign-in for store managers and clerks. */
export function LoginScreen() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SignInFailure | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    // A tap on 登录 is the moment a browser will grant persistent storage: ask now, not later.
    void requestPersistentStorage();
    setFailure(await signIn(String(form.get('username') ?? '').trim(), String(form.get('password') ?? '')));
    setBusy(false);
  }

  return (
    <main className="login">
      <h1>{t('app.title')}</h1>
      <form onSubmit={submit} aria-label={t('login.title')}>
        <label htmlFor="username">{t('login.username')}</label>
        <input id="username" name="username" autoComplete="username" autoCapitalize="none" required />
        <label htmlFor="password">{t('login.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {failure && <p role="alert" className="error">{t(`login.${failure}`)}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? t('login.busy') : t('login.submit')}</button>
      </form>
      <LanguagePicker />
    </main>
  );
}

import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { LanguagePicker } from '../shell/language-picker.js';
import { signIn, type SignInFailure } from './session-store.js';

/** Sign-in for head-office staff; store accounts are sent to their own app. */
export function LoginScreen({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SignInFailure | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setFailure(await signIn(String(form.get('username') ?? '').trim(), String(form.get('password') ?? '')));
    setBusy(false);
  }

  return (
    <main className="login">
      <h1>{t('app.title')}</h1>
      <form onSubmit={submit} aria-labelledby="login-title" className="card">
        <h2 id="login-title">{t('login.title')}</h2>
        {expired && !failure && <p role="status" className="notice">{t('login.expired')}</p>}
        <label htmlFor="username">{t('login.username')}</label>
        <input id="username" name="username" autoComplete="username" autoCapitalize="none" required autoFocus />
        <label htmlFor="password">{t('login.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {failure && <p role="alert" className="error">{t(`login.${failure}`)}</p>}
        <button type="submit" className="primary wide" disabled={busy}>{busy ? t('login.busy') : t('login.submit')}</button>
      </form>
      <LanguagePicker />
    </main>
  );
}

import { normalisePhone } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import { navigate } from '../../shell/use-route.js';
import { formatPhone } from '../customers/customer-format.js';

/** "通话中 · 来电 138 0013 8000": the call this screen was opened for, kept on the order taken in it. */
export function CallStrip({ phone, call }: { phone: string | undefined; call: string }) {
  const { t } = useI18n();
  return (
    <section className="call-strip" aria-label={t('call.active')}>
      <span className="call-dot" aria-hidden="true" />
      <strong>{t('call.active')}</strong>
      {phone && <span>{t('call.from', { phone: formatPhone(normalisePhone(phone) ?? phone) })}</span>}
      <span className="muted-on-strip">{t('call.id', { id: call })}</span>
      <span className="muted-on-strip call-kept">{t('call.keptOnOrder')}</span>
      <button type="button" onClick={() => navigate({ name: 'intake' })}>{t('call.end')}</button>
    </section>
  );
}

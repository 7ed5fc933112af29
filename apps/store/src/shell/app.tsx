import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { InboxScreen } from '../features/dispatch/inbox-screen.js';
import { OrderScreen } from '../features/dispatch/order-screen.js';
import type { OrderStep } from '../features/dispatch/order-steps.js';
import { StepScreen } from './step-screen.js';
import { useI18n } from '../i18n/i18n.js';
import { db, type StoredSession } from '../local-db/store-db.js';
import { LoginScreen } from '../session/login-screen.js';
import { rememberToken } from '../session/session-store.js';
import { ScanTestScreen } from '../scanner/scan-test-screen.js';
import { ScannerWizard } from '../scanner/setup/scanner-wizard.js';
import { SettingsScreen } from '../settings/settings-screen.js';
import { DeviceBar } from '../sync-status/device-bar.js';
import { SessionExpiredBanner } from '../sync-status/session-expired-banner.js';
import { startSyncEngine } from '../sync/sync-engine.js';
import { UpdateBanner } from './update-banner.js';

type View =
  | { name: 'inbox' }
  | { name: 'order'; orderId: string }
  | { name: 'step'; orderId: string; step: OrderStep }
  | { name: 'settings' }
  | { name: 'scan-test' }
  | { name: 'scanner-setup' };

/** Signed out: the login. Signed in: the store's screens, fed from IndexedDB. */
export function App() {
  const session = useLiveQuery(async () => (await db.session.get('current')) ?? null, [], 'loading' as const);
  if (session === 'loading') return null;
  // Set during render, not in an effect: the children's effects (the sync engine) run first and
  // must already send this session's token.
  rememberToken(session ?? undefined);
  return (
    <>
      <UpdateBanner />
      {session?.user.storeId ? <StoreShell session={session} storeId={session.user.storeId} /> : <LoginScreen />}
    </>
  );
}

function StoreShell({ session, storeId }: { session: StoredSession; storeId: string }) {
  const { t } = useI18n();
  const [view, setView] = useState<View>({ name: 'inbox' });
  const openOrder = useCallback((orderId: string) => setView({ name: 'order', orderId }), []);
  const openStep = useCallback((orderId: string, step: OrderStep) => setView({ name: 'step', orderId, step }), []);
  useEffect(() => startSyncEngine(storeId), [storeId, session.token]);
  const role = session.user.role === 'clerk' ? 'clerk' : 'store_manager';
  const actor = { role, userId: session.user.id, storeId } as const;

  return (
    <div className="shell">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <span className="who">{session.user.displayName}</span>
      </header>
      <DeviceBar />
      <SessionExpiredBanner />
      <main>
        {view.name === 'inbox' && <InboxScreen storeId={storeId} onOpen={openOrder} />}
        {view.name === 'order' && <OrderScreen orderId={view.orderId} actor={actor} onBack={() => setView({ name: 'inbox' })} onStep={openStep} />}
        {view.name === 'step' && (
          <StepScreen orderId={view.orderId} step={view.step} actor={actor}
            onBack={() => setView({ name: 'order', orderId: view.orderId })} onDone={() => setView({ name: 'order', orderId: view.orderId })} />
        )}
        {view.name === 'settings' && <SettingsScreen session={session} onScanTest={() => setView({ name: 'scan-test' })} />}
        {view.name === 'scan-test' && <ScanTestScreen onBack={() => setView({ name: 'settings' })} onSetup={() => setView({ name: 'scanner-setup' })} />}
        {view.name === 'scanner-setup' && <ScannerWizard onDone={() => setView({ name: 'scan-test' })} />}
      </main>
      <nav className="tab-bar" aria-label={t('app.title')}>
        <button type="button" aria-current={view.name === 'inbox' || view.name === 'order' || view.name === 'step' ? 'page' : undefined} onClick={() => setView({ name: 'inbox' })}>{t('nav.inbox')}</button>
        <button type="button" aria-current={view.name === 'settings' || view.name === 'scan-test' || view.name === 'scanner-setup' ? 'page' : undefined} onClick={() => setView({ name: 'settings' })}>{t('nav.settings')}</button>
      </nav>
    </div>
  );
}

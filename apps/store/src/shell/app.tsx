import { useLiveQuery } from 'dexie-react-hooks';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { InboxScreen } from '../features/dispatch/inbox-screen.js';
import type { OrderStep } from '../features/dispatch/order-steps.js';
import { ClerkBadges, DeliveriesFlow, LoginScreen, OrderScreen, ReloadNeeded, ScanTestScreen, ScannerWizard, ScreenLoading, SettingsScreen } from './lazy-screens.js';
import { StepScreen } from './step-screen.js';
import { useI18n } from '../i18n/i18n.js';
import { db, type StoredSession } from '../local-db/store-db.js';
import { rememberToken } from '../session/session-token.js';
import { DeviceBar } from '../sync-status/device-bar.js';
import { SessionExpiredBanner } from '../sync-status/session-expired-banner.js';
import { startSyncEngineLater } from '../sync/start-sync-later.js';
import { UpdateBanner } from './update-banner.js';

type View =
  | { name: 'deliveries' }
  | { name: 'inbox' }
  | { name: 'order'; orderId: string }
  | { name: 'step'; orderId: string; step: OrderStep }
  | { name: 'settings' }
  | { name: 'scan-test' }
  | { name: 'scanner-setup' }
  | { name: 'clerk-badges' };

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
      {session?.user.storeId ? (
        <StoreShell session={session} storeId={session.user.storeId} />
      ) : (
        <Suspense fallback={<ScreenLoading />}><LoginScreen /></Suspense>
      )}
    </>
  );
}

function StoreShell({ session, storeId }: { session: StoredSession; storeId: string }) {
  const { t } = useI18n();
  const role = session.user.role === 'clerk' ? 'clerk' : 'store_manager';
  const actor = { role, userId: session.user.id, storeId } as const;
  // A clerk's phone opens on their deliveries; a manager's handheld on the dispatch inbox.
  const home: View = role === 'clerk' ? { name: 'deliveries' } : { name: 'inbox' };
  const [view, setView] = useState<View>(home);
  const openOrder = useCallback((orderId: string) => setView({ name: 'order', orderId }), []);
  const openStep = useCallback((orderId: string, step: OrderStep) => setView({ name: 'step', orderId, step }), []);
  const [syncLoadFailed, setSyncLoadFailed] = useState(false);
  useEffect(() => startSyncEngineLater(storeId, () => setSyncLoadFailed(true)), [storeId, session.token]);
  const atSettings = view.name === 'settings' || view.name === 'scan-test' || view.name === 'scanner-setup' || view.name === 'clerk-badges';

  return (
    <div className="shell">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <span className="who">{session.user.displayName}</span>
      </header>
      <DeviceBar />
      <SessionExpiredBanner />
      {syncLoadFailed && <ReloadNeeded />}
      <main>
        <Suspense fallback={<ScreenLoading />}>
        {view.name === 'deliveries' && <DeliveriesFlow actor={actor} />}
        {view.name === 'inbox' && <InboxScreen storeId={storeId} onOpen={openOrder} />}
        {view.name === 'order' && <OrderScreen orderId={view.orderId} actor={actor} onBack={() => setView({ name: 'inbox' })} onStep={openStep} />}
        {view.name === 'step' && (
          <StepScreen orderId={view.orderId} step={view.step} actor={actor}
            onBack={() => setView({ name: 'order', orderId: view.orderId })}
            // Hand-off and return end with "back to the inbox" (the order has left the manager's hands).
            onDone={() => setView(view.step === 'handoff' || view.step === 'return' ? { name: 'inbox' } : { name: 'order', orderId: view.orderId })} />
        )}
        {view.name === 'settings' && (
          <SettingsScreen session={session} onScanTest={() => setView({ name: 'scan-test' })} onClerkBadges={role === 'store_manager' ? () => setView({ name: 'clerk-badges' }) : undefined} />
        )}
        {view.name === 'clerk-badges' && <ClerkBadges onBack={() => setView({ name: 'settings' })} />}
        {view.name === 'scan-test' && <ScanTestScreen onBack={() => setView({ name: 'settings' })} onSetup={() => setView({ name: 'scanner-setup' })} />}
        {view.name === 'scanner-setup' && <ScannerWizard onDone={() => setView({ name: 'scan-test' })} />}
        </Suspense>
      </main>
      <nav className="tab-bar" aria-label={t('app.title')}>
        <button type="button" aria-current={!atSettings ? 'page' : undefined} onClick={() => setView(home)}>{t(role === 'clerk' ? 'nav.deliveries' : 'nav.inbox')}</button>
        <button type="button" aria-current={atSettings ? 'page' : undefined} onClick={() => setView({ name: 'settings' })}>{t('nav.settings')}</button>
      </nav>
    </div>
  );
}

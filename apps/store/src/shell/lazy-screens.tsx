import { lazy, type ComponentType } from 'react';
import { useI18n } from '../i18n/i18n.js';

// Screens the inbox does not need are fetched when first opened, so the first load is only the
// shell, the inbox and sync (docs/benchmarks.md, "First load of the store app"). The service
// worker precaches every chunk, so opening one offline works as before; it costs one read from
// Cache Storage. Each is a named export of its feature; React.lazy wants a default.

export const LoginScreen = lazyScreen(() => import('../session/login-screen.js').then((m) => m.LoginScreen));
export const OrderScreen = lazyScreen(() => import('../features/dispatch/order-screen.js').then((m) => m.OrderScreen));
export const DeliveriesFlow = lazyScreen(() => import('../features/deliveries/deliveries-flow.js').then((m) => m.DeliveriesFlow));
export const PickScreen = lazyScreen(() => import('../features/pick/pick-screen.js').then((m) => m.PickScreen));
export const HandoffScreen = lazyScreen(() => import('../features/handoff/handoff-screen.js').then((m) => m.HandoffScreen));
export const BagLabel = lazyScreen(() => import('../features/handoff/bag-label.js').then((m) => m.BagLabel));
export const ReturnScreen = lazyScreen(() => import('../features/returns/return-screen.js').then((m) => m.ReturnScreen));
export const ClerkBadges = lazyScreen(() => import('../features/handoff/clerk-badges.js').then((m) => m.ClerkBadges));
export const SettingsScreen = lazyScreen(() => import('../settings/settings-screen.js').then((m) => m.SettingsScreen));
export const ScanTestScreen = lazyScreen(() => import('../scanner/scan-test-screen.js').then((m) => m.ScanTestScreen));
export const ScannerWizard = lazyScreen(() => import('../scanner/setup/scanner-wizard.js').then((m) => m.ScannerWizard));

/**
 * What a lazy screen shows while its chunk loads (the fallback of the shell's Suspense). Busy, not a
 * live region: the device bar is the screen's one status, and the wait is usually a few frames.
 */
export function ScreenLoading() {
  const { t } = useI18n();
  return (
    <section className="screen" aria-busy="true">
      <p className="muted">{t('screen.loading')}</p>
    </section>
  );
}

/**
 * A chunk that cannot be loaded: in practice a tab still running the previous version after another
 * tab applied an update, whose service worker dropped the old chunks. Reloading opens the new
 * version; the outbox is in IndexedDB, so nothing queued is lost.
 */
export function ReloadNeeded() {
  const { t } = useI18n();
  return (
    <section className="screen" role="alert">
      <p>{t('screen.loadFailed')}</p>
      <button type="button" className="primary" onClick={() => window.location.reload()}>{t('screen.reload')}</button>
    </section>
  );
}

function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    try {
      return { default: await load() };
    } catch {
      return { default: ReloadNeeded as ComponentType<P> };
    }
  });
}

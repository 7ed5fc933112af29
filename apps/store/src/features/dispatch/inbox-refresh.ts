import { TRPCClientError } from '@trpc/client';
import { orderSchema } from '@repo/domain';
import { api } from '../../session/session-store.js';
import { replaceInbox } from './replace-inbox.js';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'session_expired';

/**
 * Keeps the store's inbox in IndexedDB current: a subscription pokes, the device pulls the list.
 * Also pulls on coming online and every 30 s, since a poke can be missed. The sync engine (issue 4)
 * replaces the list pull with a cursor pull.
 */
export function startInboxRefresh(storeId: string, onState: (state: ConnectionState) => void): () => void {
  let stopped = false;
  let pulling: Promise<void> | null = null;

  const pull = (): Promise<void> =>
    (pulling ??= (async () => {
      try {
        const inbox = await api.inbox.list.query();
        const orders = inbox.orders.map((o) => orderSchema.parse(o));
        if (!stopped) await replaceInbox(storeId, orders, new Date());
        if (!stopped) onState('online');
      } catch (error) {
        if (!stopped) onState(isUnauthorized(error) ? 'session_expired' : 'offline');
      } finally {
        pulling = null;
      }
    })());

  const subscription = api.inbox.onChange.subscribe(undefined, {
    onData: () => void pull(),
    onError: (error) => onState(isUnauthorized(error) ? 'session_expired' : 'offline'),
    onConnectionStateChange: (state) => {
      if (state.state === 'connecting' && state.error) onState(navigator.onLine ? 'connecting' : 'offline');
    },
  });
  const onOnline = () => void pull();
  const onOffline = () => onState('offline');
  const onVisible = () => document.visibilityState === 'visible' && void pull();
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(() => void pull(), 30_000);
  onState(navigator.onLine ? 'connecting' : 'offline');
  void pull();

  return () => {
    stopped = true;
    subscription.unsubscribe();
    clearInterval(timer);
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    document.removeEventListener('visibilitychange', onVisible);
  };
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED';
}

import { useSyncExternalStore } from 'react';
import { isStorableText } from '@repo/domain';

/**
 * The console's screens. The route lives in the URL hash, so a reload or a shared link opens the same order.
 * `#/intake?phone=<number>&call=<callId>` opens intake for a caller (the telephone system's screen pop):
 * `phone` is searched, `call` is shown as "on a call" and kept on the order taken.
 */
export type Route =
  | { readonly name: 'intake'; readonly phone?: string; readonly call?: string }
  | { readonly name: 'board'; readonly orderId: string | null }
  | { readonly name: 'review' };

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return parseRoute(hash);
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'intake': {
      const query = new URLSearchParams({ ...(route.phone ? { phone: route.phone } : {}), ...(route.call ? { call: route.call } : {}) }).toString();
      return query ? `#/intake?${query}` : '#/intake';
    }
    case 'board':
      return route.orderId ? `#/board/${encodeURIComponent(route.orderId)}` : '#/board';
    case 'review':
      return '#/review';
  }
}

export function navigate(route: Route): void {
  location.hash = routeHref(route);
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const [, screen, orderId] = path.split('/');
  if (screen === 'board') return { name: 'board', orderId: orderId ? decodeURIComponent(orderId) : null };
  if (screen === 'review') return { name: 'review' };
  const params = new URLSearchParams(query);
  // Whatever arrives in a link is only a suggestion: a number of digits, a call id the server would store.
  const phone = params.get('phone')?.replace(/[^\d+]/g, '').slice(0, 20);
  const call = params.get('call')?.trim();
  return {
    name: 'intake',
    ...(phone ? { phone } : {}),
    ...(call && call.length <= 64 && isStorableText(call) ? { call } : {}),
  };
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

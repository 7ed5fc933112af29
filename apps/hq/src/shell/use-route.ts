import { useSyncExternalStore } from 'react';

/** The console's screens. The route lives in the URL hash, so a reload or a shared link opens the same order. */
export type Route = { readonly name: 'intake' } | { readonly name: 'board'; readonly orderId: string | null } | { readonly name: 'review' };

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return parseRoute(hash);
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'intake':
      return '#/intake';
    case 'board':
      return route.orderId ? `#/board/${encodeURIComponent(route.orderId)}` : '#/board';
    case 'review':
      return '#/review';
  }
}

export function navigate(route: Route): void {
  location.hash = routeHref(route);
}

function parseRoute(hash: string): Route {
  const [, screen, orderId] = hash.split('/');
  if (screen === 'board') return { name: 'board', orderId: orderId ? decodeURIComponent(orderId) : null };
  if (screen === 'review') return { name: 'review' };
  return { name: 'intake' };
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

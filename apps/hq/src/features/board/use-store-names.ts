import { api } from '../../session/session-store.js';
import { useApiQuery } from '../../shell/use-api-query.js';

/** Store id -> name, loaded once: orders carry only the id of the store that holds them. */
export function useStoreNames(): ReadonlyMap<string, string> {
  const stores = useApiQuery(() => api.catalog.stores.query(), []);
  return new Map((stores.data ?? []).map((s) => [s.id, s.name]));
}

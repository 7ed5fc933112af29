import { useSyncExternalStore } from 'react';
import { api } from '../../session/session-store.js';

/** The extension this agent is signed in at, shared by the header field and the call desk. */
export interface MyExtension {
  readonly extension: string | null;
  readonly loaded: boolean;
}

let state: MyExtension = { extension: null, loaded: false };
const listeners = new Set<() => void>();

export function useMyExtension(): MyExtension {
  return useSyncExternalStore(subscribe, () => state);
}

export function setMyExtension(extension: string | null): void {
  state = { extension, loaded: true };
  for (const listener of listeners) listener();
}

/** Asks the server: the extension is kept there, so it survives a reload or another tab. */
export async function loadMyExtension(): Promise<void> {
  setMyExtension((await api.cti.myExtension.query()).extension);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

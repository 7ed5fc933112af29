/** Tabs tell the sync leader "there is something to push" over this channel. */
const channelName = 'store-sync';
let channel: BroadcastChannel | null = null;
const localListeners = new Set<() => void>();

function getChannel(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  channel ??= new BroadcastChannel(channelName);
  return channel;
}

/** Wakes the push loop, in this tab or whichever tab leads. */
export function kickSync(): void {
  localListeners.forEach((l) => l());
  getChannel()?.postMessage('kick');
}

export function onKick(listener: () => void): () => void {
  localListeners.add(listener);
  const ch = getChannel();
  const onMessage = (event: MessageEvent) => event.data === 'kick' && listener();
  ch?.addEventListener('message', onMessage);
  return () => {
    localListeners.delete(listener);
    ch?.removeEventListener('message', onMessage);
  };
}

import { useEffect, useState } from 'react';
import type { BlobRef } from '@repo/domain';
import { sessionToken } from '../../session/session-store.js';

/**
 * Where a proof image is: shown (an object URL), still on the clerk's phone (the server answers 404
 * until the upload arrives), or not loadable right now (network, server).
 */
export type ProofBlobState = { readonly kind: 'loading' } | { readonly kind: 'shown'; readonly url: string } | { readonly kind: 'on_device' } | { readonly kind: 'failed' };

/** How often to look again while the photo is still on its way; uploads resume by themselves on the phone. */
const retryMs = 10_000;

/** Fetches a proof blob with the session's bearer token (an <img src> cannot send one) and keeps trying until it is there. */
export function useProofBlob(ref: BlobRef): ProofBlobState {
  const [state, setState] = useState<ProofBlobState>({ kind: 'loading' });
  useEffect(() => {
    let url: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const abort = new AbortController();
    const load = async () => {
      const next = await fetchBlob(ref, abort.signal);
      if (abort.signal.aborted) return;
      if (next.kind === 'shown') url = next.url;
      else timer = setTimeout(() => void load(), retryMs);
      setState(next);
    };
    void load();
    return () => {
      abort.abort();
      clearTimeout(timer);
      if (url) URL.revokeObjectURL(url);
    };
  }, [ref.sha256, ref.type]);
  return state;
}

async function fetchBlob(ref: BlobRef, signal: AbortSignal): Promise<ProofBlobState> {
  const token = sessionToken();
  try {
    const response = await fetch(`/blobs/${ref.sha256}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal });
    if (response.status === 404) return { kind: 'on_device' };
    if (!response.ok) return { kind: 'failed' };
    // Typed by the reference the order carries, whatever the response says: only jpeg or png are ever shown.
    const bytes = await response.blob();
    return { kind: 'shown', url: URL.createObjectURL(new Blob([bytes], { type: ref.type })) };
  } catch {
    return signal.aborted ? { kind: 'loading' } : { kind: 'failed' };
  }
}

/// <reference lib="webworker" />
import { createZxingWasmDecoder, withFallback } from '@repo/scan-decode';
// Self-hosted and precached with the app: zxing-wasm's own default is a CDN, which breaks offline.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { FrameAnswer, FrameRequest } from './frame-decoder.js';

declare const self: DedicatedWorkerGlobalScope;

// One decoder per worker: the wasm module belongs to this realm and loads on the first frame.
// Where it cannot load (the .wasm blocked, a WebView or policy without WebAssembly) the pure-JS
// @zxing/library reads instead: a chunk of its own, fetched (from the precache) only then.
const decoder = withFallback(createZxingWasmDecoder({ wasm: { url: wasmUrl } }), async () => {
  const { createZxingLibraryDecoder } = await import('@repo/scan-decode/zxing-library');
  return createZxingLibraryDecoder();
});

self.onmessage = async ({ data: { id, image } }: MessageEvent<FrameRequest>) => {
  let answer: FrameAnswer;
  try {
    answer = { id, decoded: await decoder.decode(image), reader: decoder.name };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};

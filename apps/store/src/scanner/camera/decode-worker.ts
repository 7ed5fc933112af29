/// <reference lib="webworker" />
import { createZxingWasmDecoder } from '@repo/scan-decode';
// Self-hosted and precached with the app: zxing-wasm's own default is a CDN, which breaks offline.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { FrameAnswer, FrameRequest } from './frame-decoder.js';

declare const self: DedicatedWorkerGlobalScope;

// One decoder per worker: the wasm module belongs to this realm and loads on the first frame.
const decoder = createZxingWasmDecoder({ wasm: { url: wasmUrl } });

self.onmessage = async ({ data: { id, image } }: MessageEvent<FrameRequest>) => {
  let answer: FrameAnswer;
  try {
    answer = { id, decoded: await decoder.decode(image) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};

import type { DecodedBarcode } from '@repo/scan-decode';

/** A camera frame for the decode worker: the scan window's pixels. */
export interface FrameRequest {
  readonly id: number;
  readonly image: ImageData;
}

/** The worker's answer to one frame; `reader` names the decoder that read it (zxing-wasm or its fallback). */
export type FrameAnswer =
  | { readonly id: number; readonly decoded: DecodedBarcode | null; readonly reader: string }
  | { readonly id: number; readonly error: string };

interface PendingFrame {
  readonly id: number;
  readonly resolve: (decoded: DecodedBarcode | null) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The decode worker seen from the page. It takes one frame at a time: while a frame is being
 * decoded `isBusy` is true and the caller drops new frames instead of queueing them, so the
 * decoder always works on the latest picture and the page never backs up behind it.
 * A decoder that fails before its first answer cannot load (no wasm): every frame then rejects.
 * After that, an error on one frame is a frame without a read.
 */
export class FrameDecoder {
  readonly #worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });
  #pending: PendingFrame | null = null;
  #lastId = 0;
  #hasAnswered = false;
  #failure: Error | null = null;
  #reader: string | null = null;

  constructor() {
    this.#worker.onmessage = ({ data }: MessageEvent<FrameAnswer>) => this.#answer(data);
    // A worker that fails to load or throws outside a decode (e.g. no wasm offline) ends every frame.
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.#fail(new Error(event.message || 'the decode worker failed'));
    };
  }

  get isBusy(): boolean {
    return this.#pending !== null;
  }

  /** The decoder the worker read the last frame with, or null before its first answer. */
  get reader(): string | null {
    return this.#reader;
  }

  /** Decodes one frame; its pixels are transferred to the worker, so `image` is empty afterwards. */
  decode(image: ImageData): Promise<DecodedBarcode | null> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#pending) return Promise.reject(new Error('a frame is already being decoded'));
    const id = ++this.#lastId;
    return new Promise((resolve, reject) => {
      this.#pending = { id, resolve, reject };
      const request: FrameRequest = { id, image };
      this.#worker.postMessage(request, [image.data.buffer]);
    });
  }

  /** Ends the worker; a frame still being decoded resolves as "no code". */
  close(): void {
    this.#worker.terminate();
    this.#settle((pending) => pending.resolve(null));
  }

  #answer(answer: FrameAnswer): void {
    if (answer.id !== this.#pending?.id) return;
    if ('error' in answer && !this.#hasAnswered) return this.#fail(new Error(answer.error));
    this.#hasAnswered = true;
    if (!('error' in answer)) this.#reader = answer.reader;
    this.#settle((pending) => pending.resolve('error' in answer ? null : answer.decoded));
  }

  #fail(failure: Error): void {
    this.#failure = failure;
    this.#settle((pending) => pending.reject(failure));
  }

  #settle(finish: (pending: PendingFrame) => void): void {
    const pending = this.#pending;
    this.#pending = null;
    if (pending) finish(pending);
  }
}

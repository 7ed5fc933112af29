import type { DecodedBarcode } from '@repo/scan-decode';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { FrameDecoder } from './frame-decoder.js';
import { startFrameLoop } from './frame-loop.js';

// The decoder's own name (BarcodeDecoder.name); any other reader is the fallback.
const primaryReader = 'zxing-wasm';

/**
 * Decodes the video's scan window while `isRunning`. The decode worker is created once for the
 * screen (loading the wasm costs more than a camera switch) and ended when the screen closes.
 * Says when the decoder has failed (neither its wasm nor the fallback could be loaded), and when
 * it reads with the slower fallback because the wasm could not.
 */
export function useFrameDecoding({ video, isRunning, onFrame }: {
  video: RefObject<HTMLVideoElement | null>;
  isRunning: boolean;
  /** Each decoded frame: what it read, or null. */
  onFrame: (decoded: DecodedBarcode | null) => void;
}): { hasFailed: boolean; usesFallback: boolean } {
  const [decoder, setDecoder] = useState<FrameDecoder | null>(null);
  const [hasFailed, setFailed] = useState(false);
  const [usesFallback, setUsesFallback] = useState(false);
  const latestOnFrame = useRef(onFrame);
  latestOnFrame.current = onFrame;

  useEffect(() => {
    const created = new FrameDecoder();
    setDecoder(created);
    return () => created.close();
  }, []);

  useEffect(() => {
    const element = video.current;
    if (!decoder || !element || !isRunning || hasFailed) return;
    const onFrame = (decoded: DecodedBarcode | null) => {
      setUsesFallback(decoder.reader !== null && decoder.reader !== primaryReader);
      latestOnFrame.current(decoded);
    };
    return startFrameLoop({ video: element, decoder, onFrame, onError: () => setFailed(true) });
  }, [video, decoder, isRunning, hasFailed]);

  return { hasFailed, usesFallback };
}

import type { DecodedBarcode } from '@repo/scan-decode';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { FrameDecoder } from './frame-decoder.js';
import { startFrameLoop } from './frame-loop.js';

/**
 * Decodes the video's scan window while `isRunning`. The decode worker is created once for the
 * screen (loading the wasm costs more than a camera switch) and ended when the screen closes.
 * Returns true once the decoder has failed (e.g. its wasm could not be loaded).
 */
export function useFrameDecoding({ video, isRunning, onFrame }: {
  video: RefObject<HTMLVideoElement | null>;
  isRunning: boolean;
  /** Each decoded frame: what it read, or null. */
  onFrame: (decoded: DecodedBarcode | null) => void;
}): { hasFailed: boolean } {
  const [decoder, setDecoder] = useState<FrameDecoder | null>(null);
  const [hasFailed, setFailed] = useState(false);
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
    return startFrameLoop({ video: element, decoder, onFrame: (decoded) => latestOnFrame.current(decoded), onError: () => setFailed(true) });
  }, [video, decoder, isRunning, hasFailed]);

  return { hasFailed };
}

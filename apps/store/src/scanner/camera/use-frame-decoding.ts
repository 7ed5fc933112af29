import type { DecodedBarcode } from '@repo/scan-decode';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { FrameDecoder } from './frame-decoder.js';
import { startFrameLoop } from './frame-loop.js';

/**
 * Decodes the video's scan window while `isRunning`. The decode worker is created once for the
 * screen (loading the wasm costs more than a camera switch) and ended when the screen closes.
 * Returns true once the decoder has failed (e.g. its wasm could not be loaded).
 */
export function useFrameDecoding({ video, isRunning, onRead }: {
  video: RefObject<HTMLVideoElement | null>;
  isRunning: boolean;
  onRead: (decoded: DecodedBarcode) => void;
}): { hasFailed: boolean } {
  const [decoder, setDecoder] = useState<FrameDecoder | null>(null);
  const [hasFailed, setFailed] = useState(false);
  const latestOnRead = useRef(onRead);
  latestOnRead.current = onRead;

  useEffect(() => {
    const created = new FrameDecoder();
    setDecoder(created);
    return () => created.close();
  }, []);

  useEffect(() => {
    const element = video.current;
    if (!decoder || !element || !isRunning || hasFailed) return;
    return startFrameLoop({ video: element, decoder, onRead: (decoded) => latestOnRead.current(decoded), onError: () => setFailed(true) });
  }, [video, decoder, isRunning, hasFailed]);

  return { hasFailed };
}

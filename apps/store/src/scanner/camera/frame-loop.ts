import type { DecodedBarcode } from '@repo/scan-decode';
import type { FrameDecoder } from './frame-decoder.js';
import { scanWindowInFrame } from './scan-window.js';

// Bigger crops cost decode time and add nothing a barcode needs.
const maxDecodeSide = 1024;

interface FrameLoop {
  readonly video: HTMLVideoElement;
  readonly decoder: FrameDecoder;
  /** Every decoded frame, with or without a read: whether reads are consecutive matters (BC38). */
  readonly onFrame: (decoded: DecodedBarcode | null) => void;
  readonly onError: (error: unknown) => void;
}

/**
 * Sends the scan window of the video to the decoder, one frame in flight: a frame is grabbed only
 * once the decoder has answered the previous one; the frames shown in between are never grabbed.
 * Returns a function that stops the loop.
 */
export function startFrameLoop({ video, decoder, onFrame, onError }: FrameLoop): () => void {
  let isStopped = false;
  let cancel = () => {};
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });

  const next = () => {
    if (isStopped) return;
    // requestVideoFrameCallback fires once per new camera frame; animation frames are the fallback.
    if (typeof video.requestVideoFrameCallback === 'function') {
      const handle = video.requestVideoFrameCallback(grab);
      cancel = () => video.cancelVideoFrameCallback(handle);
    } else {
      const handle = requestAnimationFrame(grab);
      cancel = () => cancelAnimationFrame(handle);
    }
  };
  const grab = () => {
    const frame = isStopped || decoder.isBusy || !context ? null : scanWindowPixels(video, canvas, context);
    if (!frame) return next();
    decoder.decode(frame).then(
      (decoded) => {
        if (isStopped) return;
        onFrame(decoded);
        next();
      },
      (error: unknown) => {
        if (!isStopped) onError(error);
      },
    );
  };

  next();
  return () => {
    isStopped = true;
    cancel();
  };
}

/** The pixels inside the on-screen scan window, or null while the video has no picture yet. */
function scanWindowPixels(video: HTMLVideoElement, canvas: HTMLCanvasElement, context: CanvasRenderingContext2D): ImageData | null {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return null;
  const crop = scanWindowInFrame({
    frame: { width: video.videoWidth, height: video.videoHeight },
    view: { width: video.clientWidth, height: video.clientHeight },
  });
  const scale = Math.min(1, maxDecodeSide / Math.max(crop.width, crop.height));
  const width = Math.round(crop.width * scale);
  const height = Math.round(crop.height * scale);
  if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
  context.drawImage(video, crop.x, crop.y, crop.width, crop.height, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

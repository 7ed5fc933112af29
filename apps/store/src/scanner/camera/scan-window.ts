/** A rectangle in pixels. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The scan window as fractions of what the viewer shows: wide for 1D codes, tall enough for a
 * DataMatrix or QR code on a label. The overlay is drawn from the same numbers as the crop.
 */
export const scanWindow = { width: 0.8, height: 0.5 } as const;

interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * Where the on-screen scan window falls in the camera frame, for a video shown with
 * `object-fit: cover`: the window is centred in the part of the frame that is visible, so the
 * decoder gets what the clerk sees inside the frame and nothing beside it.
 */
export function scanWindowInFrame({ frame, view, window = scanWindow }: { frame: Size; view: Size; window?: Size }): Rect {
  const visible = visiblePart(frame, view);
  const width = Math.max(1, Math.round(visible.width * window.width));
  const height = Math.max(1, Math.round(visible.height * window.height));
  return { x: Math.round((frame.width - width) / 2), y: Math.round((frame.height - height) / 2), width, height };
}

// `object-fit: cover` scales the frame until it fills the view and cuts off the overflow evenly.
function visiblePart(frame: Size, view: Size): Size {
  if (view.width <= 0 || view.height <= 0) return frame;
  const scale = Math.max(view.width / frame.width, view.height / frame.height);
  return { width: Math.min(frame.width, view.width / scale), height: Math.min(frame.height, view.height / scale) };
}

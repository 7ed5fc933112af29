/** Why the camera cannot show a picture, in the terms the status line explains to staff. */
export type CameraProblem = 'denied' | 'no_camera' | 'in_use' | 'unsupported' | 'failed';

const rememberedCameraKey = 'store.camera.deviceId';

// Enough pixels for a small EAN at arm's length; the scan window is cropped out of it anyway.
const videoSize: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 } };

/**
 * Opens the camera the clerk chose last on this device, else the rear one. A remembered camera
 * that is gone (another phone, a handheld's camera module removed) falls back to the rear one.
 */
export async function openCamera(deviceId: string | null): Promise<MediaStream> {
  // Missing outside a secure context (plain http) and in very old browsers.
  if (!navigator.mediaDevices?.getUserMedia) throw new DOMException('no getUserMedia', 'NotSupportedError');
  if (deviceId) {
    try {
      return await navigator.mediaDevices.getUserMedia({ video: { ...videoSize, deviceId: { exact: deviceId } }, audio: false });
    } catch (error) {
      if (!isMissingCamera(error)) throw error;
    }
  }
  return navigator.mediaDevices.getUserMedia({ video: { ...videoSize, facingMode: { ideal: 'environment' } }, audio: false });
}

/** Stops every track, which turns the camera (and its light) off. */
export function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** The device's cameras, in the order the browser lists them; labels need the permission first. */
export async function listCameraIds(): Promise<string[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === 'videoinput' && d.deviceId !== '').map((d) => d.deviceId);
}

/** The camera chosen last on this device. */
export function rememberedCamera(): string | null {
  return globalThis.localStorage?.getItem(rememberedCameraKey) ?? null;
}

export function rememberCamera(deviceId: string): void {
  globalThis.localStorage?.setItem(rememberedCameraKey, deviceId);
}

/** True when the track can switch its torch (phones' rear cameras in Chrome on Android). */
export function hasTorch(track: MediaStreamTrack): boolean {
  const capabilities = track.getCapabilities?.() as (MediaTrackCapabilities & { torch?: boolean }) | undefined;
  return capabilities?.torch === true;
}

export function setTorch(track: MediaStreamTrack, isOn: boolean): Promise<void> {
  // `torch` is not in TypeScript's DOM types yet: Image Capture extension to MediaTrackConstraintSet.
  return track.applyConstraints({ advanced: [{ torch: isOn } as MediaTrackConstraintSet] });
}

/** Sorts getUserMedia's failures into what the clerk can do about them. */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'no_camera';
    case 'NotReadableError':
    case 'AbortError':
      return 'in_use';
    case 'NotSupportedError':
      return 'unsupported';
    default:
      return 'failed';
  }
}

function isMissingCamera(error: unknown): boolean {
  return cameraProblemOf(error) === 'no_camera';
}

import { useCallback, useEffect, useState, type RefObject } from 'react';
import { cameraProblemOf, hasTorch, listCameraIds, openCamera, rememberCamera, rememberedCamera, setTorch, stopStream, type CameraProblem } from './camera-stream.js';

/** What the camera is doing: starting, showing a picture, or why it cannot. */
export type CameraStatus = 'starting' | 'scanning' | CameraProblem;

/** The camera's state and the clerk's controls over it. */
export interface Camera {
  readonly status: CameraStatus;
  /** More than one camera to switch between. */
  readonly canSwitch: boolean;
  readonly torch: 'unsupported' | 'off' | 'on';
  readonly switchCamera: () => void;
  readonly toggleTorch: () => void;
}

/**
 * Shows the camera in `video` while the calling screen is open. Every track is stopped when the
 * screen closes or switches camera, including a stream that arrives after the screen has closed
 * (the permission prompt can outlive it).
 */
export function useCamera(video: RefObject<HTMLVideoElement | null>): Camera {
  const [deviceId, setDeviceId] = useState(rememberedCamera);
  const [status, setStatus] = useState<CameraStatus>('starting');
  const [track, setTrack] = useState<MediaStreamTrack | null>(null);
  const [cameraIds, setCameraIds] = useState<readonly string[]>([]);
  const [isTorchOn, setTorchOn] = useState(false);

  useEffect(() => {
    let isCancelled = false;
    let stream: MediaStream | null = null;
    const element = video.current;
    setStatus('starting');
    setTorchOn(false);
    const show = async (opened: MediaStream) => {
      if (isCancelled) return stopStream(opened);
      stream = opened;
      const [videoTrack] = opened.getVideoTracks();
      videoTrack?.addEventListener('ended', () => !isCancelled && setStatus('failed'));
      const chosen = videoTrack?.getSettings().deviceId;
      if (chosen) rememberCamera(chosen);
      if (element) {
        element.srcObject = opened;
        // Rejected when the stream is replaced before it starts; the next stream plays instead.
        await element.play().catch(() => undefined);
      }
      const ids = await listCameraIds().catch(() => []);
      if (isCancelled) return;
      setTrack(videoTrack ?? null);
      setCameraIds(ids);
      setStatus('scanning');
    };
    openCamera(deviceId).then(show, (error: unknown) => !isCancelled && setStatus(cameraProblemOf(error)));
    return () => {
      isCancelled = true;
      if (stream) stopStream(stream);
      if (element) element.srcObject = null;
    };
  }, [video, deviceId]);

  const switchCamera = useCallback(() => {
    const current = track?.getSettings().deviceId;
    const next = cameraIds[(cameraIds.indexOf(current ?? '') + 1) % cameraIds.length];
    if (next && next !== current) setDeviceId(next);
  }, [track, cameraIds]);

  const canUseTorch = status === 'scanning' && track !== null && hasTorch(track);
  const toggleTorch = useCallback(() => {
    if (!track) return;
    setTorch(track, !isTorchOn).then(() => setTorchOn(!isTorchOn), () => setTorchOn(false));
  }, [track, isTorchOn]);

  return {
    status,
    canSwitch: status !== 'starting' && cameraIds.length > 1,
    torch: canUseTorch ? (isTorchOn ? 'on' : 'off') : 'unsupported',
    switchCamera,
    toggleTorch,
  };
}

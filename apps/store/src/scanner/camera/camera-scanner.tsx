import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { scanWindow } from './scan-window.js';
import { toScanText } from './scan-text.js';
import { SightingFilter } from './sighting-filter.js';
import { useCamera } from './use-camera.js';
import { useFrameDecoding } from './use-frame-decoding.js';

/**
 * The phone's camera as a scanner, for devices without a built-in one: reads the code inside the
 * scan window and hands each new read, once seen on two frames in a row, over as scan text, the
 * way a wedge scanner would.
 */
export function CameraScanner({ onRead, onClose }: { onRead: (text: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [sightings] = useState(() => new SightingFilter());
  const camera = useCamera(video);
  const decoding = useFrameDecoding({
    video,
    isRunning: camera.status === 'scanning',
    onFrame: (decoded) => {
      const text = decoded ? toScanText(decoded) : null;
      if (sightings.countsAsScan(text, performance.now()) && text !== null) onRead(text);
    },
  });
  const status = decoding.hasFailed ? 'decoder_failed' : camera.status === 'scanning' && decoding.usesFallback ? 'scanning_fallback' : camera.status;

  return (
    <section className={`camera-scanner camera-${status}`} aria-label={t('camera.title')}>
      <div className="camera-view">
        <video ref={video} muted playsInline autoPlay />
        <div className="camera-window" style={{ width: `${scanWindow.width * 100}%`, height: `${scanWindow.height * 100}%` }} />
        <p className="camera-status" role="status">{t(`camera.status.${status}`)}</p>
      </div>
      <div className="camera-actions">
        <button type="button" className="big" onClick={onClose}>{t('camera.close')}</button>
        {camera.canSwitch && <button type="button" className="big" onClick={camera.switchCamera}>{t('camera.switch')}</button>}
        {camera.torch !== 'unsupported' && (
          <button type="button" className="big" aria-pressed={camera.torch === 'on'} onClick={camera.toggleTorch}>{t('camera.torch')}</button>
        )}
      </div>
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';

interface SignaturePadProps {
  readonly required: boolean;
  /** The signature as a PNG after each stroke; undefined once cleared. */
  readonly onChange: (signature: Blob | undefined) => void;
}

/** A box the customer signs in with a finger (pointer events: touch, pen and mouse alike). */
export function SignaturePad({ required, onChange }: SignaturePadProps) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [signed, setSigned] = useState(false);

  useEffect(() => {
    const element = canvas.current;
    if (element) blank(element);
  }, []);

  const pointAt = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const scale = e.currentTarget.width / box.width;
    return { x: (e.clientX - box.left) * scale, y: (e.clientY - box.top) * scale };
  };

  function stroke(e: React.PointerEvent<HTMLCanvasElement>) {
    const from = last.current;
    const to = pointAt(e);
    const context = e.currentTarget.getContext('2d');
    if (!from || !context) return;
    context.lineWidth = 3 * (e.currentTarget.width / e.currentTarget.getBoundingClientRect().width);
    context.lineCap = 'round';
    context.strokeStyle = '#111';
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    last.current = to;
  }

  function finish(e: React.PointerEvent<HTMLCanvasElement>) {
    if (!last.current) return;
    last.current = null;
    setSigned(true);
    e.currentTarget.toBlob((png) => onChange(png ?? undefined), 'image/png');
  }

  function clear() {
    if (canvas.current) blank(canvas.current);
    setSigned(false);
    onChange(undefined);
  }

  return (
    <div className="proof-field">
      <p className="field-title">{t('close.signature')} <span className="muted">{t(required ? 'close.required' : 'close.optional')}</span>{signed && <span className="chip ok"> {t('close.signed')}</span>}</p>
      <canvas
        ref={canvas} className="signature-pad" role="img" aria-label={t('close.signatureArea')}
        onPointerDown={(e) => { e.currentTarget.setPointerCapture(e.pointerId); last.current = pointAt(e); }}
        onPointerMove={(e) => stroke(e)}
        onPointerUp={finish}
        onPointerCancel={finish}
      />
      <button type="button" className="secondary" onClick={clear} disabled={!signed}>{t('close.clearSignature')}</button>
    </div>
  );
}

/** White, at the device's pixel density, so the stored PNG is sharp and readable on any background. */
function blank(element: HTMLCanvasElement) {
  const box = element.getBoundingClientRect();
  const ratio = Math.min(2, globalThis.devicePixelRatio || 1);
  element.width = Math.max(1, Math.round(box.width * ratio));
  element.height = Math.max(1, Math.round(box.height * ratio));
  const context = element.getContext('2d');
  if (!context) return;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, element.width, element.height);
}

import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { readDoorPhoto } from './door-photo.js';

interface PhotoFieldProps {
  readonly label: string;
  readonly required: boolean;
  readonly photo: Blob | undefined;
  readonly onPhoto: (photo: Blob | undefined) => void;
}

/**
 * A photo taken with the phone's back camera (`capture="environment"` opens it straight away on
 * Android), downscaled before it is kept. A file that is not a photo, or is too big, is refused
 * with a message and the previous photo stays.
 */
export function PhotoField({ label, required, photo, onPhoto }: PhotoFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<'not_image' | 'too_big' | null>(null);
  const preview = usePreviewUrl(photo);

  async function take(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    const result = await readDoorPhoto(file).finally(() => setBusy(false));
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    onPhoto(result.data);
  }

  return (
    <div className="proof-field">
      <p className="field-title" id={`${id}-title`}>{label} <span className="muted">{t(required ? 'close.required' : 'close.optional')}</span></p>
      {preview && <img className="photo-preview" src={preview} alt={t('close.photoPreview')} />}
      <input
        id={id} className="visually-hidden" type="file" accept="image/*" capture="environment" aria-labelledby={`${id}-title ${id}-button`}
        onChange={(e) => { void take(e.target.files?.[0]); e.target.value = ''; }}
      />
      <label htmlFor={id} id={`${id}-button`} className="button-like secondary">{t(photo ? 'close.retakePhoto' : 'close.takePhoto')}</label>
      {busy && <p role="status">{t('close.photoBusy')}</p>}
      {problem && <p role="alert" className="error">{t(problem === 'too_big' ? 'close.photoTooBig' : 'close.photoNotImage')}</p>}
    </div>
  );
}

function usePreviewUrl(photo: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!photo) {
      setUrl(undefined);
      return;
    }
    const next = URL.createObjectURL(photo);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [photo]);
  return url;
}

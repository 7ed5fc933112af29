import { deliveryFailureReasons, storableText, type Actor, type DeliveryFailureReason } from '@repo/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { db } from '../../local-db/store-db.js';
import { failDelivery, reasonNeedsPhoto } from './fail-delivery.js';
import { PhotoField } from './photo-field.js';
import { ProofUploadState as ProofBlobState } from '../../proof/proof-upload-state.js';

interface FailScreenProps {
  readonly orderId: string;
  readonly actor: Extract<Actor, { storeId: string }>;
  readonly onBack: () => void;
  /** After the failure is saved and the clerk has read what to do with the goods. */
  readonly onDone: () => void;
}

const noteSchema = storableText({ trim: true, max: 200 });

/** 配送失败: a reason in the platforms' words, a note, a photo where the reason needs one. */
export function FailScreen({ orderId, actor, onBack, onDone }: FailScreenProps) {
  const { t } = useI18n();
  const order = useLiveQuery(() => db.orders.get(orderId), [orderId]);
  const [reason, setReason] = useState<DeliveryFailureReason>();
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<Blob>();
  const [problem, setProblem] = useState<string | null>(null);
  // Once saved: the photo's hash (or '' without one), so its upload state can be shown.
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!order) return null;

  if (saved !== null) {
    return (
      <section className="screen" aria-labelledby="fail-title">
        <h2 id="fail-title">{t('fail.title', { number: order.number })}</h2>
        <div role="status" className="fail-done"><p><strong>{t('fail.done')}</strong></p><p>{t('fail.bringBack')}</p></div>
        {saved && <p className="chips proof-states"><ProofBlobState sha256={saved} /></p>}
        <button type="button" className="primary big" onClick={onDone}>{t('close.back')}</button>
      </section>
    );
  }

  async function submit() {
    if (!reason) return setProblem(t('fail.chooseReason'));
    const checkedNote = noteSchema.safeParse(note);
    if (!checkedNote.success) return setProblem(t('fail.noteInvalid'));
    if (reasonNeedsPhoto(reason) && !photo) return setProblem(t('close.missing', { items: t('fail.photo') }));
    setBusy(true);
    const result = await failDelivery({ orderId, actor, reason, note: checkedNote.data, ...(photo ? { photo } : {}) }).finally(() => setBusy(false));
    if (!result.ok) return setProblem(t(`rejection.${result.rejection.reason}`));
    setSaved(photo ? String((result.value.args as { photo?: { sha256: string } }).photo?.sha256 ?? '') : '');
  }

  return (
    <section className="screen fail-screen" aria-labelledby="fail-title">
      <button type="button" className="back" onClick={onBack}>← {t('close.back')}</button>
      <h2 id="fail-title">{t('fail.title', { number: order.number })}</h2>
      <fieldset className="reasons">
        <legend>{t('fail.reason')}</legend>
        {deliveryFailureReasons.map((r) => (
          <label key={r} className="reason">
            <input type="radio" name="fail-reason" value={r} checked={reason === r} onChange={() => { setReason(r); setProblem(null); }} />
            <span>{t(`fail.reason.${r}`)}{reasonNeedsPhoto(r) && <span className="muted"> · {t('fail.photoNeeded')}</span>}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor="fail-note">{t('fail.note')} <span className="muted">{t('close.optional')}</span></label>
      <textarea id="fail-note" rows={3} placeholder={t('fail.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} />
      <PhotoField label={t('fail.photo')} required={reason !== undefined && reasonNeedsPhoto(reason)} photo={photo} onPhoto={(next) => { setPhoto(next); setProblem(null); }} />
      {problem && <p role="alert" className="error problem">{problem}</p>}
      <button type="button" className="danger big" disabled={busy} onClick={() => void submit()}>{t('fail.submit')}</button>
    </section>
  );
}

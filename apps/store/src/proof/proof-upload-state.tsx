import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../i18n/i18n.js';
import { db, refusedPrefix, type ProofBlob } from '../local-db/store-db.js';

export type ProofUploadPhase = 'waiting' | 'uploading' | 'stored' | 'refused';

/** Where one photo or signature is: on the device, on its way (how far), on the server, or refused. */
export function phaseOf(blob: Pick<ProofBlob, 'state' | 'lastError'>): ProofUploadPhase {
  if (blob.state !== 'stored' && blob.lastError?.startsWith(refusedPrefix)) return 'refused';
  return blob.state;
}

/**
 * The state chip of one proof blob, read from IndexedDB so every tab and a reload show the same
 * progress. Shows nothing for a blob this device does not hold. Not a live region: the device bar
 * is the screen's one status, and a chip per photo announcing every chunk would drown it.
 */
export function ProofUploadState({ sha256 }: { sha256: string }) {
  const { t, locale } = useI18n();
  const blob = useLiveQuery(() => db.blobs.get(sha256), [sha256]);
  if (!blob) return null;
  const phase = phaseOf(blob);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    blob.bytes > 0 ? Math.min(1, blob.uploadedBytes / blob.bytes) : 0,
  );
  const state = phase === 'uploading' ? t('proof.uploading', { percent }) : t(`proof.${phase}`);
  // Which proof it is, then where it is: "门口照片：在本机，等待上传".
  const text = `${t(`proof.${blob.kind}`)}${t('proof.separator')}${state}`;
  return (
    <span className={`chip proof-${phase}`} data-sha256={sha256}>
      {text}
    </span>
  );
}

export interface ProofUploadSummary {
  readonly photos: number;
  readonly signatures: number;
  readonly refused: number;
}

/** Proof not yet on the server, for the device bar ("2 张照片待上传"). */
export function useProofUploads(): ProofUploadSummary {
  const pending = useLiveQuery(() => db.blobs.where('state').anyOf('waiting', 'uploading').toArray(), []) ?? [];
  return {
    photos: pending.filter((b) => b.kind !== 'signature').length,
    signatures: pending.filter((b) => b.kind === 'signature').length,
    refused: pending.filter((b) => phaseOf(b) === 'refused').length,
  };
}

/** The device bar's line about proof waiting to upload; nothing when all of it is on the server. */
export function ProofUploadsPending() {
  const { t } = useI18n();
  const { photos, signatures } = useProofUploads();
  if (photos + signatures === 0) return null;
  const parts = [
    photos > 0 ? t('proof.pendingPhotos', { count: photos }) : null,
    signatures > 0 ? t('proof.pendingSignatures', { count: signatures }) : null,
  ].filter(Boolean);
  return <span className="queued proof-pending">{parts.join(' · ')}</span>;
}

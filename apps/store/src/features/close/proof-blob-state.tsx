import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../i18n/i18n.js';
import { db } from '../../local-db/store-db.js';

/**
 * One photo's or signature's own upload state, read from db.blobs. A stand-in until the proof
 * pipeline's `<ProofUploadState sha256/>` lands; same props, so the swap is one import.
 */
export function ProofBlobState({ sha256 }: { sha256: string }) {
  const { t } = useI18n();
  const blob = useLiveQuery(() => db.blobs.get(sha256), [sha256]);
  if (!blob) return null;
  return (
    <span className={`chip proof-${blob.state}`}>
      {t(`proof.${blob.kind}`)}：{t(`proof.state.${blob.state}`)}
    </span>
  );
}

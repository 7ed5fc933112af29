import type { BlobRef } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import { useProofBlob } from './use-proof-blob.js';

interface ProofImageProps {
  readonly blob: BlobRef;
  /** The image's accessible name, e.g. "订单 D… 的送达照片". */
  readonly alt: string;
  /** What to say while the server does not have it yet (photo or signature). */
  readonly onDeviceText: string;
}

/** A photo or signature of the proof: the image once the server has it, never a broken image before. */
export function ProofImage({ blob, alt, onDeviceText }: ProofImageProps) {
  const { t } = useI18n();
  const state = useProofBlob(blob);
  switch (state.kind) {
    case 'loading':
      return <p className="muted proof-pending">{t('proof.imageLoading')}</p>;
    case 'on_device':
      return <p className="proof-pending on-device" role="status">{onDeviceText}</p>;
    case 'failed':
      return <p className="proof-pending error" role="status">{t('proof.imageFailed')}</p>;
    case 'shown':
      return (
        <a className="proof-image" href={state.url} target="_blank" rel="noreferrer" title={t('proof.openFull')}>
          <img src={state.url} alt={alt} />
        </a>
      );
  }
}

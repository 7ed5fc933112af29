import { deliveryCodePattern, proofPolicyOf, type Actor, type OrderIn } from '@repo/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { db } from '../../local-db/store-db.js';
import { useFormats } from '../deliveries/use-formats.js';
import { checkDeliveryCode, type CodeCheck } from './check-delivery-code.js';
import { CodeField } from './code-field.js';
import { closeDelivery, missingProof } from './close-delivery.js';
import { PhotoField } from './photo-field.js';
import { SignaturePad } from './signature-pad.js';
import { useDoorPosition } from './use-door-position.js';
import { PositionLine } from './position-line.js';
import { CashField, useCash } from './cash-field.js';

interface CloseScreenProps {
  readonly orderId: string;
  readonly actor: Extract<Actor, { storeId: string }>;
  readonly onBack: () => void;
  /** Called once the close is saved on the device. */
  readonly onDone: (orderId: string) => void;
}

/** 送达: the proof the order asks for, gathered at the door, then one close saved on the phone. */
export function CloseScreen({ orderId, actor, onBack, onDone }: CloseScreenProps) {
  const { t } = useI18n();
  const order = useLiveQuery(() => db.orders.get(orderId), [orderId]);
  return (
    <section className="screen close-screen" aria-labelledby="close-title">
      <button type="button" className="back" onClick={onBack}>← {t('close.back')}</button>
      {order && order.status !== 'out_for_delivery' && (
        <><h2 id="close-title">{t('close.title', { number: order.number })}</h2><p role="alert">{t('close.notOpen', { status: t(`status.${order.status}`) })}</p></>
      )}
      {order?.status === 'out_for_delivery' && <CloseForm order={order} actor={actor} onDone={onDone} />}
    </section>
  );
}

function CloseForm({ order, actor, onDone }: { order: OrderIn<'out_for_delivery'>; actor: CloseScreenProps['actor']; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const formats = useFormats();
  const policy = proofPolicyOf(order);
  const needsCode = policy.code && order.deliveryCode !== undefined;
  const onDelivery = order.payment?.method === 'on_delivery';
  const [code, setCode] = useState('');
  const [check, setCheck] = useState<CodeCheck | null>(null);
  const [photo, setPhoto] = useState<Blob>();
  const [signature, setSignature] = useState<Blob>();
  const cash = useCash(order.payment?.amountDueFen ?? 0);
  const position = useDoorPosition();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    let codeMatched = check?.outcome === 'matched';
    if (needsCode && !codeMatched && deliveryCodePattern.test(code)) {
      // Typed but not yet checked: check it now, counted like a tap on 核对.
      const result = await checkDeliveryCode(order, code);
      setCheck(result);
      if (result.outcome !== 'matched') return setProblem(null);
      codeMatched = true;
    }
    const collectedFen = onDelivery ? cash.fen : undefined;
    const missing = missingProof(order, { codeMatched, ...(photo ? { photo } : {}), ...(signature ? { signature } : {}), ...(collectedFen !== undefined ? { collectedFen } : {}) });
    if (missing.length > 0) return setProblem(t('close.missing', { items: formats.list(missing.map((m) => t(`close.missing.${m}`))) }));
    setBusy(true);
    // Never wait for the GPS here: a position still being looked for is recorded as a time-out.
    const at = position.state.finding ? { unavailable: 'timeout' as const } : position.state.position;
    const result = await closeDelivery({
      order, actor,
      proof: { position: at, ...(needsCode ? { code } : {}), ...(photo ? { photo } : {}), ...(signature ? { signature } : {}), ...(collectedFen !== undefined ? { collectedFen } : {}) },
    }).finally(() => setBusy(false));
    if (!result.ok) return setProblem(t(`rejection.${result.rejection.reason}`));
    onDone(order.id);
  }

  return (
    <>
      <h2 id="close-title">{t('close.title', { number: order.number })}</h2>
      <p className="close-who">{order.customerName} · {order.address.text}</p>
      {needsCode && (
        <CodeField order={order} code={code} onCode={(next) => { setCode(next); setCheck(null); }} check={check} onCheck={setCheck} />
      )}
      {onDelivery && <CashField cash={cash} dueText={formats.money(order.payment?.amountDueFen ?? 0)} />}
      <PhotoField label={t('close.photo')} required={policy.photo} photo={photo} onPhoto={(next) => { setPhoto(next); setProblem(null); }} />
      <SignaturePad required={policy.signature} onChange={setSignature} />
      <PositionLine state={position.state} onRetry={position.retry} />
      {problem && <p role="alert" className="error problem">{problem}</p>}
      <button type="button" className="primary big" disabled={busy} onClick={() => void submit()}>{t('close.submit')}</button>
    </>
  );
}

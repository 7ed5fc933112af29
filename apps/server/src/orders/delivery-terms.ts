import { randomBytes, randomInt } from 'node:crypto';
import { hashDeliveryCode, type DeliveryCodeHash, type ProofPolicy } from '@repo/domain';

export interface DeliveryTermsConfig {
  /** Minutes from taking the order to the promised delivery. */
  readonly promiseMinutes: number;
  /** Seconds a clerk may undo a close. */
  readonly undoWindowSeconds: number;
}

export interface DeliveryTerms {
  /** The six digits the customer reads out at the door; kept by head office only. */
  readonly code: string;
  readonly deliveryCode: DeliveryCodeHash;
  readonly promisedAt: string;
  readonly proofPolicy: ProofPolicy;
}

/** What every new order promises the customer, and what the door will ask for. */
export function deliveryTermsFor(now: Date, config: DeliveryTermsConfig): DeliveryTerms {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  return {
    code,
    deliveryCode: hashDeliveryCode(code, randomBytes(16).toString('hex')),
    promisedAt: new Date(now.getTime() + config.promiseMinutes * 60_000).toISOString(),
    proofPolicy: { code: true, signature: false, photo: true, undoWindowSeconds: config.undoWindowSeconds },
  };
}

/** The customer's text message: the order number, the code to give the clerk, and the promise. */
export function deliveryCodeMessage(orderNumber: string, terms: DeliveryTerms): string {
  const promised = new Intl.DateTimeFormat('zh-Hans-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false })
    .format(new Date(terms.promisedAt));
  return `【门店配送】您的订单 ${orderNumber} 已受理，预计 ${promised} 前送达。收货码 ${terms.code}，请在收货时告诉配送员，勿告诉他人。`;
}

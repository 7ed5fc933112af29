import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { DeliveryCodeHash } from './order.js';

/** A delivery code (收货码) is six digits the customer reads out at the door. */
export const deliveryCodePattern = /^\d{6}$/;

/**
 * The salted SHA-256 a device checks a code against. Synchronous on purpose: the one lifecycle
 * checks the code inside `transition`, on the device and on the server alike.
 */
export function hashDeliveryCode(code: string, salt: string): DeliveryCodeHash {
  return { salt, sha256: bytesToHex(sha256(utf8ToBytes(`${salt}:${code}`))) };
}

/** Whether what the customer said matches the order's code. */
export function deliveryCodeMatches(code: string, hash: DeliveryCodeHash): boolean {
  if (!deliveryCodePattern.test(code)) return false;
  return constantTimeEqual(hashDeliveryCode(code, hash.salt).sha256, hash.sha256);
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

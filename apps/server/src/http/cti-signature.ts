import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a request's timestamp may be from the server's clock, either way (docs/cti.md CT5). */
export const signatureWindowSeconds = 300;

export type SignatureVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: 'MISSING_SIGNATURE' | 'BAD_SIGNATURE' | 'STALE_TIMESTAMP' };

export interface SignedRequest {
  readonly secret: string;
  /** `X-CTI-Timestamp`: unix seconds when the switch signed the request. */
  readonly timestamp: string | undefined;
  /** `X-CTI-Signature`: `sha256=<hex of HMAC-SHA256(secret, "<timestamp>.<raw body>")>`. */
  readonly signature: string | undefined;
  readonly body: Buffer;
  readonly now: Date;
}

/**
 * Checks the webhook's signature over the exact bytes received, then its age. The timestamp is
 * inside the signed text, so moving it forward breaks the signature; a request copied within the
 * window is caught by its call id (CT6).
 */
export function verifyCtiSignature(request: SignedRequest): SignatureVerdict {
  const timestamp = request.timestamp ?? '';
  const given = /^sha256=([0-9a-f]{64})$/i.exec(request.signature ?? '')?.[1];
  if (!/^\d{1,12}$/.test(timestamp) || !given) return { ok: false, reason: 'MISSING_SIGNATURE' };
  const expected = ctiSignatureOf(request.secret, timestamp, request.body);
  // Constant time over equal lengths (both 32 bytes): the comparison leaks no prefix.
  if (!timingSafeEqual(Buffer.from(given, 'hex'), expected)) return { ok: false, reason: 'BAD_SIGNATURE' };
  const age = request.now.getTime() / 1000 - Number(timestamp);
  if (Math.abs(age) > signatureWindowSeconds) return { ok: false, reason: 'STALE_TIMESTAMP' };
  return { ok: true };
}

/** The HMAC the switch sends, as bytes; tests and the benchmark sign with it too. */
export function ctiSignatureOf(secret: string, timestamp: string, body: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/** The two headers a signed request carries. */
export function ctiSignatureHeaders(secret: string, body: string, at: Date = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return { 'x-cti-timestamp': timestamp, 'x-cti-signature': `sha256=${ctiSignatureOf(secret, timestamp, body).toString('hex')}` };
}

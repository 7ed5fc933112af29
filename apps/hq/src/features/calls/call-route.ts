/**
 * Where a ringing call opens the console: the intake screen with the caller's number and the call
 * id (docs/cti.md CT7). The intake screen searches the number: one match opens the customer's
 * file, none opens the new-customer form with the number filled in; the call id goes on the order.
 */
export function callHref(caller: string, callId: string): string {
  return `#/intake?${new URLSearchParams({ phone: caller, call: callId }).toString()}`;
}

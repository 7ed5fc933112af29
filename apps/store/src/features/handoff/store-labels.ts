import type { StaffMember } from '../../local-db/store-db.js';

/**
 * The two QR codes the store prints for itself (docs/handoff-returns.md, HO2 and HO6):
 * a clerk's badge `CLERK:<userId>` and a bag label `ORDER:<orderNumber>`.
 *
 * Both start with letters and a colon, so `parseBarcode` never takes them for a GTIN, a GS1 element
 * string or a pick command (CMD:…), and no product carries them. Values are limited to letters,
 * digits, '.', '_' and '-': nothing a wedge scanner's separator aliases ('~', '<GS>') could hide in.
 */
export type StoreLabel =
  | { readonly kind: 'clerk_badge'; readonly userId: string }
  | { readonly kind: 'bag_label'; readonly orderNumber: string }
  /** Starts like one of ours but what follows cannot be an id: a damaged or forged print. */
  | { readonly kind: 'malformed'; readonly label: 'clerk_badge' | 'bag_label' };

const prefixes = { clerk_badge: 'CLERK:', bag_label: 'ORDER:' } as const;
const valuePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
// A whole scan longer than this is not one of our labels, whatever it starts with.
const maxScanLength = 80;

/** The text to encode on a clerk's badge. */
export function clerkBadgePayload(userId: string): string {
  return payloadOf('clerk_badge', userId);
}

/** The text to encode on an order's bag label. */
export function bagLabelPayload(orderNumber: string): string {
  return payloadOf('bag_label', orderNumber);
}

/**
 * What a scan is, if it is one of the store's own labels; `null` for anything else (a product, a
 * command), which the caller reads as before. The prefix is matched ignoring case because wedge
 * scanners follow Caps Lock; a camera's AIM identifier (`]Q1`) and the wedge's Enter are dropped.
 */
export function readStoreLabel(scan: string): StoreLabel | null {
  const text = scan.replace(/^\][A-Za-z][0-9A-Za-z]/, '').replace(/[\r\n\t ]+$/, '');
  const label = (Object.keys(prefixes) as (keyof typeof prefixes)[]).find((k) => text.slice(0, prefixes[k].length).toUpperCase() === prefixes[k]);
  if (!label) return null;
  const value = text.slice(prefixes[label].length);
  if (text.length > maxScanLength || !valuePattern.test(value)) return { kind: 'malformed', label };
  return label === 'clerk_badge' ? { kind: 'clerk_badge', userId: value } : { kind: 'bag_label', orderNumber: value };
}

/**
 * The clerk a badge names, among this store's clerks (downloaded with the catalogue). Ids are
 * compared ignoring case (Caps Lock again); if that made two clerks match, neither is taken.
 */
export function findBadgeClerk(userId: string, staff: readonly StaffMember[]): StaffMember | undefined {
  const matches = staff.filter((s) => s.id.toUpperCase() === userId.toUpperCase());
  return matches.length === 1 ? matches[0] : undefined;
}

/** Whether a bag label's number is this order's (ignoring case: Caps Lock). */
export function isBagLabelOf(orderNumber: string, order: { readonly number: string }): boolean {
  return orderNumber.toUpperCase() === order.number.toUpperCase();
}

function payloadOf(label: keyof typeof prefixes, value: string): string {
  // A value we could not read back must never be printed.
  if (!valuePattern.test(value)) throw new Error(`Cannot print ${JSON.stringify(value.slice(0, 20))} on a ${label}.`);
  return `${prefixes[label]}${value}`;
}

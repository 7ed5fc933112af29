import type { StaffMember } from '../../local-db/store-db.js';
import { findBadgeClerk, readStoreLabel } from './store-labels.js';

export type BadgeProblem = 'unknown_clerk' | 'damaged_badge' | 'not_a_badge';
export type BadgeScan = { readonly ok: true; readonly clerk: StaffMember } | { readonly ok: false; readonly problem: BadgeProblem };

/**
 * The clerk a scan names, among this store's clerks on the device. A badge of another store's clerk
 * and one of nobody read the same: the device knows only its own store's clerks (and the server
 * refuses any other with CLERK_UNKNOWN).
 */
export function readBadgeScan(text: string, staff: readonly StaffMember[]): BadgeScan {
  const label = readStoreLabel(text);
  if (!label || label.kind === 'bag_label') return { ok: false, problem: 'not_a_badge' };
  if (label.kind === 'malformed') return { ok: false, problem: label.label === 'clerk_badge' ? 'damaged_badge' : 'not_a_badge' };
  const clerk = findBadgeClerk(label.userId, staff);
  return clerk ? { ok: true, clerk } : { ok: false, problem: 'unknown_clerk' };
}

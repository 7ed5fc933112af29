import { z } from 'zod';

export const roles = ['hq', 'store_manager', 'clerk'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Who is acting. Store roles are always bound to exactly one store. */
export type Actor =
  | { readonly role: 'hq'; readonly userId: string }
  | { readonly role: 'store_manager' | 'clerk'; readonly userId: string; readonly storeId: string }
  | { readonly role: 'system' };

export type ActorRole = Actor['role'];

export function isStoreActor(actor: Actor): actor is Extract<Actor, { storeId: string }> {
  return actor.role === 'store_manager' || actor.role === 'clerk';
}

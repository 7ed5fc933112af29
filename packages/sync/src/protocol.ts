import { z } from 'zod';
import { departureSchema, orderSchema, rejectionReasons, storeActionSchema } from '@repo/domain';

/**
 * The wire protocol between a store device and the server (docs/sync-protocol.md).
 * A device has a persistent client id and numbers its mutations 1, 2, 3…; the server applies each
 * exactly once, in order, and remembers the last one per client in the same transaction.
 */
export const mutationSchema = storeActionSchema.extend({
  id: z.number().int().positive(),
  /**
   * The id of this client's previous mutation (0 for its first). With it, ids need only increase:
   * a device keeps one sequence for all the people who use it, each person with a client id of
   * their own, and the chain still proves nothing in between was lost. Without it (older apps),
   * ids must be consecutive.
   */
  prev: z.number().int().nonnegative().optional(),
  /** When the person acted, on the device's clock: for display and audit only, never for ordering. */
  createdAt: z.iso.datetime({ offset: true }),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const clientIdSchema = z.string().uuid();

/**
 * A mutation as the server first reads it: only what orders the queue is checked here. Name,
 * version and args are checked one action at a time (decodeStoreAction), so a malformed action
 * is rejected on its own, like any invalid action, and never jams the queue behind it (SEC14).
 */
export const pushedMutationSchema = z.object({
  id: z.number().int().positive(),
  /** See `mutationSchema.prev`: the chain is checked for the whole push, so it is typed here. */
  prev: z.number().int().nonnegative().optional(),
  createdAt: z.iso.datetime({ offset: true }),
  name: z.unknown().optional(),
  version: z.unknown().optional(),
  args: z.unknown().optional(),
});
export type PushedMutation = z.infer<typeof pushedMutationSchema>;

export const pushRequestSchema = z.object({
  clientId: clientIdSchema,
  mutations: z.array(pushedMutationSchema).min(1).max(500),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushRejectionSchema = z.object({
  /** MUTATION_ID_REUSED: a replayed id came with a different action (a cloned device, a restored backup). */
  reason: z.enum([...rejectionReasons, 'INVALID_ACTION', 'MUTATION_ID_REUSED']),
  message: z.string(),
  /** E.g. the order's status when the action arrived, so the device can say "it was cancelled". */
  details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type PushRejection = z.infer<typeof pushRejectionSchema>;

export const mutationOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ id: z.number(), status: z.literal('applied') }),
  /** A replay of a mutation the server already applied (say, the response was lost): answered with the original outcome. */
  z.object({ id: z.number(), status: z.literal('already_applied'), original: z.enum(['applied', 'rejected']), rejection: pushRejectionSchema.optional() }),
  /** Refused for a business reason: nothing changed, the counter moved on, the person is told. */
  z.object({ id: z.number(), status: z.literal('rejected'), rejection: pushRejectionSchema }),
]);
export type MutationOutcome = z.infer<typeof mutationOutcomeSchema>;

export const pushResponseSchema = z.object({
  lastMutationId: z.number().int().nonnegative(),
  outcomes: z.array(mutationOutcomeSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** What a device says it still has to send: the server keeps it, so lost storage is never silent. */
export const queueReportSchema = z.object({
  depth: z.number().int().nonnegative().max(1_000_000),
  /** Orders with unsent actions (the first 200). */
  orderIds: z.array(z.string().min(1).max(64)).max(200),
  oldestAt: z.iso.datetime({ offset: true }).optional(),
});
export type QueueReport = z.infer<typeof queueReportSchema>;

export const pullRequestSchema = z.object({
  clientId: clientIdSchema,
  /** The store version the device last saw; null on a first pull. */
  cursor: z.number().int().nonnegative().nullable(),
  /** This person's queue on the device, reported on every pull. */
  queue: queueReportSchema.optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.object({
  cursor: z.number().int().nonnegative(),
  /** True when the device must drop its copy of server state and take `puts` as the whole truth. */
  reset: z.boolean(),
  puts: z.array(orderSchema),
  deletes: z.array(z.string()),
  /** The last of this client's mutations the server has applied, read in the same transaction. */
  lastMutationId: z.number().int().nonnegative(),
  /** Why deleted orders left this store or clerk, so the device can say so instead of letting them vanish. */
  departures: z.array(departureSchema).default([]),
  /**
   * On a device's first pull (a new device, or one whose storage was cleared): orders for which this
   * person's other sync clients last reported unsent actions. If that was this device before its data
   * was cleared, those actions are lost and the person must be told.
   */
  unsentElsewhere: z.array(z.object({ orderNumber: z.string(), reportedAt: z.string() })).max(200).default([]),
  /** The server's clock when it answered: devices keep an estimate of it for countdowns and decisions. */
  serverTime: z.iso.datetime({ offset: true }).optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
/** A pull as an older server may send it (without departures). */
export type PullResponseInput = z.input<typeof pullResponseSchema>;

/** The error a push gets when mutation ids skip: the device must not lose or reorder its queue. */
export const MUTATION_GAP = 'MUTATION_GAP';

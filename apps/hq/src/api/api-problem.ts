import { TRPCClientError } from '@trpc/client';
import { rejectionReasons, type RejectionReason } from '@repo/domain';
import { z } from 'zod';

/** One invalid input field, as the server's errorFormatter reports it (`data.fields`). */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** Why a call failed, in the terms a screen needs: a code, the words, and what to translate. */
export interface ApiProblem {
  /** The tRPC error code, or null when the server was never reached. */
  readonly code: string | null;
  readonly message: string;
  readonly rejection: RejectionReason | null;
  readonly fields: readonly FieldProblem[];
}

const errorDataSchema = z.object({
  code: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).nullish(),
  rejection: z.enum(rejectionReasons).nullish(),
});

/** Reads a thrown tRPC error at the edge, so screens never match on message text. */
export function toApiProblem(error: unknown): ApiProblem {
  const message = error instanceof Error ? error.message : String(error);
  const data = error instanceof TRPCClientError ? errorDataSchema.safeParse(error.data) : null;
  if (!data?.success) return { code: null, message, rejection: null, fields: [] };
  return { code: data.data.code, message, rejection: data.data.rejection ?? null, fields: data.data.fields ?? [] };
}

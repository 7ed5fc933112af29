import { TRPCError } from '@trpc/server';
import { inArray } from 'drizzle-orm';
import { toGtin14, type Order, type OrderEvent, type OrderLine, type ResolveShortInput } from '@repo/domain';
import type { Database } from '../db/database.js';
import { products } from '../db/schema.js';

/**
 * Turns head office's shortage decision into the lifecycle's `resolve_short` event. For a substitute,
 * each short line keeps the units the store confirmed and the replacement product makes up the rest
 * at its catalogue price (merged into its line when it is already on the order).
 */
export async function shortResolutionEvent(db: Database, order: Order, input: ResolveShortInput): Promise<OrderEvent> {
  const note = input.note ? { note: input.note } : {};
  switch (input.resolution) {
    case 'partial':
    case 'redispatch':
      return { type: 'resolve_short', resolution: input.resolution, ...note };
    case 'substitute':
      // Any other state is refused by the lifecycle itself, with the same words as every refused step.
      if (order.status !== 'short') return { type: 'resolve_short', resolution: 'substitute', lines: order.lines, ...note };
      return { type: 'resolve_short', resolution: 'substitute', lines: await substitutedLines(db, order, input.substitutes), ...note };
  }
}

async function substitutedLines(db: Database, order: Order, substitutes: Extract<ResolveShortInput, { resolution: 'substitute' }>['substitutes']): Promise<OrderLine[]> {
  const found = new Map(
    (await db.select().from(products).where(inArray(products.id, substitutes.map((s) => s.replacementProductId)))).map((p) => [p.id, p]),
  );
  const lines = order.lines.map((line) => ({ ...line }));
  for (const [i, substitute] of substitutes.entries()) {
    const short = lines.find((l) => l.productId === substitute.productId);
    if (!short || short.confirmedQuantity >= short.quantity) throw badField(`substitutes.${i}.productId`, 'Not a short line of this order.');
    const product = found.get(substitute.replacementProductId);
    if (!product) throw badField(`substitutes.${i}.replacementProductId`, 'No such product.');
    if (product.id === substitute.productId) throw badField(`substitutes.${i}.replacementProductId`, 'A product cannot substitute itself.');
    const existing = lines.find((l) => l.productId === product.id);
    if (existing) {
      existing.quantity = Math.min(999, existing.quantity + substitute.quantity);
      existing.confirmedQuantity = Math.min(existing.quantity, existing.confirmedQuantity + substitute.quantity);
    } else {
      lines.push({
        productId: product.id, gtin: toGtin14(product.gtin), name: product.name,
        quantity: substitute.quantity, confirmedQuantity: substitute.quantity, unitPriceFen: product.priceFen,
      });
    }
  }
  if (lines.length > 100) throw badField('substitutes', 'An order holds at most 100 lines.');
  return lines;
}

function badField(path: string, message: string): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message: `${path}: ${message}` });
}

import { asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { readCustomerQuery } from '@repo/domain';
import type { Database } from '../db/database.js';
import { customers } from '../db/schema.js';

/** One line of the search results: enough to tell two callers apart on the phone. */
export interface CustomerMatch {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
  readonly memberLevel: 'regular' | 'silver' | 'gold' | 'platinum' | null;
  /** The first address on file, to tell namesakes apart. */
  readonly firstAddress: string | null;
  readonly addressCount: number;
  readonly lastOrderAt: string | null;
  readonly match: 'phone' | 'last4' | 'name';
}

/**
 * Finds callers by the last four digits of their number, by the whole number (or part of it), or
 * by name. Best match first (the whole number, a name exactly, a name's start), then whoever
 * ordered most recently: a regular caller is the likelier one.
 */
export async function searchCustomers(db: Database, query: string, limit: number): Promise<CustomerMatch[]> {
  const read = readCustomerQuery(query);
  if (!read) return [];
  const { where, rank } = matchOf(read);
  // Written out with aliases: drizzle leaves columns unqualified inside select fields, where
  // "id" would mean the subquery's own table.
  const lastOrderAt = sql<Date | string | null>`(SELECT max(o.created_at) FROM orders o WHERE o.customer_id = customers.id)`;
  const rows = await db
    .select({
      id: customers.id, name: customers.name, phone: customers.phone, memberLevel: customers.memberLevel,
      firstAddress: sql<string | null>`(SELECT a.text FROM customer_addresses a WHERE a.customer_id = customers.id ORDER BY a.created_at, a.id LIMIT 1)`,
      addressCount: sql<number>`(SELECT count(*)::int FROM customer_addresses a WHERE a.customer_id = customers.id)`,
      lastOrderAt,
    })
    .from(customers)
    .where(where)
    .orderBy(...(rank ? [asc(rank)] : []), sql`${lastOrderAt} DESC NULLS LAST`, asc(customers.name), asc(customers.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, addressCount: Number(r.addressCount), lastOrderAt: toIso(r.lastOrderAt), match: read.kind }));
}

function matchOf(read: NonNullable<ReturnType<typeof readCustomerQuery>>): { where: SQL | undefined; rank: SQL | null } {
  switch (read.kind) {
    case 'last4':
      // Uses the index on right(phone, 4).
      return { where: eq(sql`right(${customers.phone}, 4)`, read.digits), rank: null };
    case 'phone':
      return {
        where: or(eq(customers.phone, read.digits), sql`strpos(${customers.phone}, ${read.digits}) > 0`),
        rank: sql`CASE WHEN ${customers.phone} = ${read.digits} THEN 0 ELSE 1 END`,
      };
    case 'name': {
      const text = escapeLike(read.text);
      return {
        where: ilike(customers.name, `%${text}%`),
        rank: sql`CASE WHEN ${customers.name} = ${read.text} THEN 0 WHEN ${customers.name} ILIKE ${`${text}%`} THEN 1 ELSE 2 END`,
      };
    }
    default: {
      const never: never = read;
      throw new Error(`Unknown query kind ${JSON.stringify(never)}`);
    }
  }
}

/** A name with % or _ in it is searched for as typed. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toIso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

import { and, asc, eq, exists, ilike, or, sql } from 'drizzle-orm';
import { searchInput } from '@repo/domain';
import { customerAddresses, customers, packagings, products, stores, users } from '../db/schema.js';
import { hqProcedure, router, storeProcedure } from '../trpc.js';

/** What head office picks from when taking an order. */
export const catalogRouter = router({
  stores: hqProcedure.query(({ ctx }) => ctx.db.select().from(stores).orderBy(asc(stores.code))),

  products: hqProcedure.input(searchInput).query(({ ctx, input }) => {
    const pattern = `%${input.query}%`;
    return ctx.db
      .select({ id: products.id, gtin: products.gtin, name: products.name, category: products.category, priceFen: products.priceFen })
      .from(products)
      .where(or(ilike(products.name, pattern), ilike(products.gtin, pattern)))
      .orderBy(asc(products.name))
      .limit(input.limit);
  }),

  /** What a store device downloads before the day starts (每日营业前下载): products and case codes. */
  storeCatalog: storeProcedure.query(async ({ ctx }) => ({
    products: await ctx.db
      .select({ id: products.id, gtin: products.gtin, name: products.name, category: products.category, minShelfLifeDays: products.minShelfLifeDays })
      .from(products),
    packagings: await ctx.db.select().from(packagings),
    // The store's clerks, for the manager's hand-off list and badges; a clerk's phone learns only its own name.
    clerks: (await ctx.db.select({ id: users.id, displayName: users.displayName }).from(users)
      .where(and(eq(users.storeId, ctx.storeId), eq(users.role, 'clerk'))).orderBy(users.username))
      .filter((clerk) => ctx.actor.role === 'store_manager' || clerk.id === ctx.actor.userId),
  })),

  /** Callers by name, phone or address text, each with their first address; the intake uses customers.search. */
  customers: hqProcedure.input(searchInput).query(({ ctx, input }) => {
    const pattern = `%${input.query}%`;
    const firstAddress = sql<string>`coalesce((SELECT a.text FROM customer_addresses a WHERE a.customer_id = customers.id ORDER BY a.created_at, a.id LIMIT 1), '')`;
    return ctx.db
      .select({ id: customers.id, name: customers.name, phone: customers.phone, address: firstAddress })
      .from(customers)
      .where(or(
        ilike(customers.name, pattern), ilike(customers.phone, pattern),
        exists(ctx.db.select({ one: sql`1` }).from(customerAddresses).where(and(eq(customerAddresses.customerId, customers.id), ilike(customerAddresses.text, pattern)))),
      ))
      .orderBy(asc(customers.name))
      .limit(input.limit);
  }),
});

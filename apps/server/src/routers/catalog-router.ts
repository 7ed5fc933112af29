import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { searchInput } from '@repo/domain';
import { customers, packagings, products, stores, users } from '../db/schema.js';
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

  customers: hqProcedure.input(searchInput).query(({ ctx, input }) => {
    const pattern = `%${input.query}%`;
    return ctx.db
      .select()
      .from(customers)
      .where(or(ilike(customers.name, pattern), ilike(customers.phone, pattern), ilike(customers.address, pattern)))
      .orderBy(asc(customers.name))
      .limit(input.limit);
  }),
});

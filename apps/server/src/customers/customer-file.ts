import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { and, asc, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import {
  addressPoint, fullAddressText, orderSchema, terminalStatuses, type AddAddressInput, type CreateCustomerInput, type OrderStatus,
} from '@repo/domain';
import type { Database, Transaction } from '../db/database.js';
import { customerAddresses, customers, orders, stores } from '../db/schema.js';
import { FieldProblems } from '../field-problems.js';

type Executor = Database | Transaction;
export type CustomerAddressRow = typeof customerAddresses.$inferSelect;

/** An order as the customer's file lists it: enough to answer "where is my order?". */
export interface FileOrder {
  readonly id: string;
  readonly number: string;
  readonly status: OrderStatus;
  readonly createdAt: string;
  readonly promisedAt: string | null;
  readonly totalFen: number;
  readonly lineCount: number;
  readonly addressText: string;
  readonly storeName: string | null;
}

/** How many past orders the file shows; the board has the rest. */
const pastOrderLimit = 10;

/** The customer's file: who they are, where they take deliveries, what is on its way and what came before. */
export async function customerFile(db: Database, customerId: string) {
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  if (!customer) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such customer.' });
  const addresses = await addressesOf(db, customerId);
  const open = await fileOrders(db, customerId, 'open');
  const past = await fileOrders(db, customerId, 'past');
  return {
    customer: { ...customer, notesUpdatedAt: customer.notesUpdatedAt?.toISOString() ?? null, createdAt: customer.createdAt.toISOString() },
    addresses: addresses.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    openOrders: open,
    pastOrders: past,
  };
}

export function addressesOf(db: Executor, customerId: string): Promise<CustomerAddressRow[]> {
  return db.select().from(customerAddresses).where(eq(customerAddresses.customerId, customerId))
    .orderBy(asc(customerAddresses.createdAt), asc(customerAddresses.id));
}

async function fileOrders(db: Database, customerId: string, which: 'open' | 'past'): Promise<FileOrder[]> {
  const statusFilter = which === 'open' ? notInArray(orders.status, [...terminalStatuses]) : inArray(orders.status, [...terminalStatuses]);
  const rows = await db.select({ data: orders.data, storeName: stores.name }).from(orders)
    .leftJoin(stores, eq(stores.id, orders.storeId))
    .where(and(eq(orders.customerId, customerId), statusFilter))
    .orderBy(desc(orders.createdAt))
    // Open orders are few; all of them show.
    .limit(which === 'open' ? 50 : pastOrderLimit);
  return rows.map(({ data, storeName }) => {
    const order = orderSchema.parse(data);
    return {
      id: order.id, number: order.number, status: order.status, createdAt: order.createdAt, promisedAt: order.promisedAt ?? null,
      totalFen: order.lines.reduce((sum, l) => sum + (l.unitPriceFen ?? 0) * l.quantity, 0), lineCount: order.lines.length,
      addressText: order.address.text, storeName: storeName ?? null,
    };
  });
}

/**
 * A new caller's file with their first address, in one transaction. A number already on file is
 * refused with the name it belongs to: the agent opens that file instead of making a second one.
 */
export async function createCustomer(db: Database, input: CreateCustomerInput, now: Date) {
  const located = locate(input.address, 'address.');
  return db.transaction(async (tx) => {
    // Two agents adding the same caller at once: the second waits here and then finds the first's file.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`customer-phone:${input.phone}`}))`);
    const [existing] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.phone, input.phone)).limit(1);
    if (existing) throw fieldError('phone', `This number is already on file for ${existing.name}: open that file.`);
    const id = `c-${randomUUID()}`;
    await tx.insert(customers).values({
      id, name: input.name, phone: input.phone, notes: input.notes ?? '', notesUpdatedAt: input.notes ? now : null, createdAt: now,
    });
    const address = await insertAddress(tx, { customerId: id, ...input.address }, located, now);
    return { id, addressId: address.id };
  });
}

/** Another delivery address on a customer's file, located from its link, pin, street or district. */
export async function addAddress(db: Database, input: AddAddressInput, now: Date) {
  const located = locate(input, '');
  return db.transaction(async (tx) => {
    const [customer] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, input.customerId)).for('update');
    if (!customer) throw fieldError('customerId', 'No such customer.');
    return insertAddress(tx, input, located, now);
  });
}

export async function updateNotes(db: Database, input: { customerId: string; notes: string }, now: Date) {
  const updated = await db.update(customers).set({ notes: input.notes, notesUpdatedAt: now })
    .where(eq(customers.id, input.customerId)).returning({ id: customers.id });
  if (updated.length === 0) throw fieldError('customerId', 'No such customer.');
  return { customerId: input.customerId, notes: input.notes, notesUpdatedAt: now.toISOString() };
}

type NewAddress = Omit<AddAddressInput, 'customerId'>;

function locate(address: NewAddress, prefix: string) {
  const point = addressPoint(address);
  if (!point.ok) throw fieldError(`${prefix}${point.field}`, point.message);
  return point.point;
}

async function insertAddress(tx: Transaction, input: NewAddress & { customerId: string }, point: ReturnType<typeof locate>, now: Date) {
  const [row] = await tx.insert(customerAddresses).values({
    id: `addr-${randomUUID()}`, customerId: input.customerId, label: input.label, text: fullAddressText(input.district, input.detail),
    district: input.district, lat: point.lat, lng: point.lng, howLocated: point.howLocated, createdAt: now,
  }).returning();
  return { ...row!, createdAt: row!.createdAt.toISOString() };
}

/** A BAD_REQUEST naming one field, listed as `fields` like a zod failure so the console marks it. */
export function fieldError(path: string, message: string): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message: `${path}: ${message}`, cause: new FieldProblems([{ path, message }]) });
}

import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { districtInText, nearestDistrict, type DeliveryAddress } from '@repo/domain';
import type { Transaction } from '../db/database.js';
import { customerAddresses, customers } from '../db/schema.js';

export interface WebCustomer {
  readonly name: string;
  readonly phone: string;
}

/**
 * The customer a web order is for: the one on file with this phone number, or a new one filed with
 * the name and the address of this order. Kept in one place on purpose: the customer file (issue 10
 * §1) is changing to several addresses per customer, and this is the one function to rewire.
 */
export async function findOrFileWebCustomer(tx: Transaction, customer: WebCustomer, address: DeliveryAddress): Promise<{ id: string; isNew: boolean }> {
  // Two web orders from one new number at once must file one customer, not two: they queue on this lock.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`web-customer:${customer.phone}`}))`);
  const [known] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.phone, customer.phone)).orderBy(asc(customers.id)).limit(1);
  if (known) return { id: known.id, isNew: false };
  const id = randomUUID();
  await tx.insert(customers).values({ id, name: customer.name, phone: customer.phone });
  // The shop's address becomes the first of the customer's file, located by the shop's map pin.
  await tx.insert(customerAddresses).values({
    id: `addr-${randomUUID()}`, customerId: id, label: '网店地址', text: address.text,
    district: districtInText(address.text.replace(/\s+/g, '')) ?? nearestDistrict(address).district, lat: address.lat, lng: address.lng, howLocated: 'pin',
  });
  return { id, isNew: true };
}

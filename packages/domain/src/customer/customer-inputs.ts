import { z } from 'zod';
import { shanghaiDistricts } from '../geo/shanghai-gazetteer.js';
import { storableText } from '../storable-text.js';
import { normalisePhone } from './phone.js';

const id = storableText({ trim: true, min: 1, max: 64 });

/** Levels of the chain's membership, as its loyalty system reports them; unknown for most callers. */
export const memberLevels = ['regular', 'silver', 'gold', 'platinum'] as const;
export type MemberLevel = (typeof memberLevels)[number];

export const phoneSchema = storableText({ trim: true, min: 1, max: 32 })
  .transform((typed, ctx) => {
    const phone = normalisePhone(typed);
    if (phone) return phone;
    ctx.addIssue({ code: 'custom', message: 'A mobile number (11 digits) or a landline with its area code.' });
    return z.NEVER;
  });

export const customerNotes = storableText({ trim: true, max: 500 });

/** A new delivery address as the agent enters it during the call. */
export const newAddressFields = {
  /** What the customer calls it: 家, 公司, 父母家 … */
  label: storableText({ trim: true, min: 1, max: 20 }),
  district: z.enum(shanghaiDistricts),
  /** Street, number, building and flat, without the city and district: "天钥桥路 100 号 2 号楼 301 室". */
  detail: storableText({ trim: true, min: 2, max: 160 }),
  /** A pasted map link or typed "lat,lng"; without it the point comes from district and street. */
  mapLink: storableText({ trim: true, max: 2000 }).optional(),
};

export const customerSearchInput = z.object({
  query: storableText({ trim: true, max: 60 }),
  limit: z.number().int().min(1).max(50).default(10),
});

export const customerIdInput = z.object({ customerId: id });

export const createCustomerInput = z.object({
  name: storableText({ trim: true, min: 1, max: 40 }),
  phone: phoneSchema,
  notes: customerNotes.optional(),
  address: z.object(newAddressFields),
});
export type CreateCustomerInput = z.infer<typeof createCustomerInput>;

export const addAddressInput = z.object({ customerId: id, ...newAddressFields });
export type AddAddressInput = z.infer<typeof addAddressInput>;

export const updateNotesInput = z.object({ customerId: id, notes: customerNotes });

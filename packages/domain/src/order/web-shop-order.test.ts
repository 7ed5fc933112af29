import { describe, expect, test } from 'vitest';
import { idempotencyKeySchema, mobilePhoneSchema, webShopOrderInput } from './web-shop-order.js';

const order = {
  webOrderNumber: 'W-1', customer: { name: '李雷', phone: '13912345678' },
  address: { text: '天钥桥路 100 号', lat: 31.19, lng: 121.44 },
  lines: [{ gtin: '6901234567892', quantity: 2 }, { productId: 'p-2', quantity: 1 }], paymentMethod: 'prepaid',
};
const paths = (input: unknown) => {
  const parsed = webShopOrderInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('web-shop order input', () => {
  test('[WS3] an idempotency key is 1-128 visible ASCII characters', () => {
    for (const good of ['a', 'checkout-7f3a', 'x'.repeat(128), '!~']) expect(idempotencyKeySchema.safeParse(good).success).toBe(true);
    for (const bad of ['', 'x'.repeat(129), 'a b', 'tab\t', '键', 'nul\u0000']) expect(idempotencyKeySchema.safeParse(bad).success).toBe(false);
  });

  test('[WS6] a mobile number is 11 digits starting 13-19', () => {
    expect(mobilePhoneSchema.safeParse(' 13912345678 ').data).toBe('13912345678');
    for (const bad of ['12912345678', '1391234567', '139123456789', '021-6400000', '+8613912345678']) expect(mobilePhoneSchema.safeParse(bad).success).toBe(false);
  });

  test('[WS6][WS7] a good order reads; each wrong field is named', () => {
    expect(paths(order)).toEqual([]);
    expect(paths({ ...order, lines: [{ gtin: '6901234567893', quantity: 1 }] })).toEqual(['lines.0.gtin']);
    expect(paths({ ...order, lines: [{ gtin: '12345', quantity: 1 }] })).toEqual(['lines.0.gtin']);
    expect(paths({ ...order, lines: [{ gtin: '96385074', productId: 'p-1', quantity: 1 }] })).toEqual(['lines.0']);
    expect(paths({ ...order, customer: { ...order.customer, email: 'x' } })).toEqual(['customer']);
    expect(paths({ ...order, note: 'a\uD800' })).toEqual(['note']);
    expect(paths({ ...order, paymentMethod: 'cash', webOrderNumber: '' })).toEqual(['webOrderNumber', 'paymentMethod']);
  });

  test('[WS7] GTIN-8, -12, -13 and -14 with a right check digit are all accepted', () => {
    for (const gtin of ['96385074', '036000291452', '6901234567892', '16901234567899']) {
      expect(paths({ ...order, lines: [{ gtin, quantity: 1 }] })).toEqual([]);
    }
  });
});

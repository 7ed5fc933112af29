import { describe, expect, test } from 'vitest';
import { createCustomerInput, createOrderInput } from '../index.js';
import { normalisePhone, readCustomerQuery } from './phone.js';

describe('[CU1] phone numbers are kept as digits without the country code', () => {
  test.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['021-6400 1111', '02164001111'],
    ['(021) 64001111', '02164001111'],
    ['64001111', '02164001111'],
    ['+86 21 6400 1111', '02164001111'],
  ])('%s -> %s', (typed, kept) => expect(normalisePhone(typed)).toBe(kept));

  test.each(['', '12345', '1380013800', '138001380001', '23800138000', 'abc', '138OO138000', '+', '0'.repeat(40)])('%s is not a number', (typed) => {
    expect(normalisePhone(typed)).toBeNull();
  });
});

describe('[CU2] what a search means', () => {
  test('four digits are the last four of a number', () => expect(readCustomerQuery(' 8000 ')).toEqual({ kind: 'last4', digits: '8000' }));
  test('a whole number, however typed', () => expect(readCustomerQuery('+86 138-0013-8000')).toEqual({ kind: 'phone', digits: '13800138000' }));
  test('part of a number', () => expect(readCustomerQuery('138001')).toEqual({ kind: 'phone', digits: '138001' }));
  test('a name', () => expect(readCustomerQuery('王芳')).toEqual({ kind: 'name', text: '王芳' }));
  test('nothing', () => expect(readCustomerQuery('   ')).toBeNull());
});

describe('[CU3] input schemas', () => {
  const address = { label: '家', district: '徐汇区', detail: '天钥桥路 100 号' };
  test('a new customer\'s phone is normalised', () => {
    expect(createCustomerInput.parse({ name: '李雷', phone: '+86 139 1234 5678', address }).phone).toBe('13912345678');
  });
  test('a bad phone, an unknown district, a NUL in the name are refused by field', () => {
    const result = createCustomerInput.safeParse({ name: 'a\u0000', phone: '12', address: { ...address, district: '海淀区' } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['address.district', 'name', 'phone']);
  });
  test('an order takes an address on file or a new address, not both; callId up to 64 characters', () => {
    const base = { customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] };
    expect(createOrderInput.safeParse({ ...base, addressId: 'a-1', callId: 'call-1' }).success).toBe(true);
    const both = createOrderInput.safeParse({ ...base, addressId: 'a-1', address: { text: '天钥桥路 1 号', lat: 31.19, lng: 121.44 } });
    expect(both.error?.issues[0]?.path).toEqual(['addressId']);
    expect(createOrderInput.safeParse({ ...base, callId: 'x'.repeat(65) }).error?.issues[0]?.path).toEqual(['callId']);
    expect(createOrderInput.safeParse({ ...base, callId: '\uD800' }).error?.issues[0]?.path).toEqual(['callId']);
  });
});

import { describe, expect, test } from 'vitest';
import { formatDistance, formatPhone } from '../features/customers/customer-format.js';
import { parseRoute, routeHref } from './use-route.js';

describe('[CF10] the screen-pop route #/intake?phone=…&call=…', () => {
  test('reads the caller\'s number and the call id', () => {
    expect(parseRoute('#/intake?phone=13800138000&call=call-42')).toEqual({ name: 'intake', phone: '13800138000', call: 'call-42' });
    expect(parseRoute('#/intake?phone=%2B86%20138-0013-8000')).toEqual({ name: 'intake', phone: '+8613800138000' });
    expect(parseRoute('#/intake')).toEqual({ name: 'intake' });
    expect(parseRoute('')).toEqual({ name: 'intake' });
  });

  test('drops what the server would refuse: a call id over 64 characters, a number made of letters', () => {
    expect(parseRoute(`#/intake?phone=abc&call=${'x'.repeat(65)}`)).toEqual({ name: 'intake' });
  });

  test('round-trips through routeHref, and the board route is unchanged', () => {
    const route = { name: 'intake', phone: '13800138000', call: 'a b&c' } as const;
    expect(parseRoute(routeHref(route))).toEqual(route);
    expect(parseRoute('#/board/o-1')).toEqual({ name: 'board', orderId: 'o-1' });
    expect(routeHref({ name: 'intake' })).toBe('#/intake');
  });

  test('numbers read back in groups', () => {
    expect(formatPhone('13800138000')).toBe('138 0013 8000');
    expect(formatPhone('02164001111')).toBe('021 6400 1111');
    expect(formatPhone('12345')).toBe('12345');
    expect(formatDistance(0.034, 'zh-Hans')).toBe('30米');
    expect(formatDistance(0.001, 'en')).toBe('10 m');
    expect(formatDistance(1.84, 'zh-Hans')).toBe('1.8公里');
  });
});

import { expect, test } from 'vitest';
import { decodeStoreAction } from './store-actions.js';

test('[SY1] an accept becomes the lifecycle accept event for its order', () => {
  expect(decodeStoreAction({ name: 'offer.accept', version: 1, args: { orderId: 'o-1' } })).toEqual({
    ok: true, orderId: 'o-1', event: { type: 'accept' },
  });
});

test('[SY2] the current and the previous version are accepted; the previous is upgraded', () => {
  expect(decodeStoreAction({ name: 'offer.decline', version: 2, args: { orderId: 'o-1', reason: 'too_far' } })).toMatchObject({
    ok: true, event: { type: 'decline', reason: 'too_far' },
  });
  expect(decodeStoreAction({ name: 'offer.decline', version: 1, args: { orderId: 'o-1' } })).toMatchObject({
    ok: true, event: { type: 'decline', reason: 'other' },
  });
});

test.each([
  [{ name: 'order.teleport', version: 1, args: {} }, /Unknown action/],
  [{ name: 'offer.accept', version: 7, args: { orderId: 'o' } }, /newer than this server knows/],
  [{ name: 'offer.accept', version: 1, args: { orderId: '' } }, /Invalid arguments/],
  [{ name: 'offer.decline', version: 2, args: { orderId: 'o', reason: 'bored' } }, /Invalid arguments/],
])('[SY3] a malformed action is refused with a reason: %j', (action, message) => {
  const decoded = decodeStoreAction(action);
  expect(decoded.ok).toBe(false);
  if (!decoded.ok) expect(decoded.message).toMatch(message);
});

test('[SEC46] an action newer than this code says the server is older and the action is kept, not that the app is', () => {
  expect(decodeStoreAction({ name: 'offer.decline', version: 3, args: { orderId: 'o', reason: 'too_far' } })).toEqual({
    ok: false, newerThanServer: true, message: expect.stringMatching(/server is older.*sent again after the server is updated/),
  });
});

test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('[SEC47] an action named %s is unknown, not looked up on Object.prototype', (name) => {
  expect(decodeStoreAction({ name, version: 1, args: { orderId: 'o' } })).toEqual({ ok: false, message: `Unknown action ${JSON.stringify(name)}.` });
});

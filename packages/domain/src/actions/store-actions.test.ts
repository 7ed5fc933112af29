import { expect, test } from 'vitest';
import { storeActionNames } from './store-action-names.js';
import { decodeStoreAction, storeActions } from './store-actions.js';

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

test('[SY40] every store step after the accept is a versioned action that becomes its lifecycle event', () => {
  const photo = { sha256: 'b'.repeat(64), type: 'image/jpeg', bytes: 2048 };
  const at = '2026-11-23T10:00:00+08:00';
  const cases = [
    [{ name: 'pick.start', version: 1, args: { orderId: 'o', device: 'pda-1' } }, { type: 'start_pick', device: 'pda-1' }],
    [{ name: 'pick.report_short', version: 1, args: { orderId: 'o', device: 'd', available: [{ productId: 'p', quantity: 0 }] } }, { type: 'report_short' }],
    [{ name: 'pick.finish', version: 1, args: { orderId: 'o', device: 'd', picked: [{ productId: 'p', quantity: 2, lots: [{ lot: 'L1', expiry: '2027-01-31', quantity: 2 }] }] } }, { type: 'finish_pick' }],
    [{ name: 'handoff.assign', version: 1, args: { orderId: 'o', clerk: { userId: 'c', storeId: 's' } } }, { type: 'hand_off' }],
    [{ name: 'delivery.close', version: 1, args: { orderId: 'o', at, code: '123456', photo, position: { unavailable: 'denied' } } }, { type: 'deliver', code: '123456', photo }],
    [{ name: 'delivery.undo_close', version: 1, args: { orderId: 'o', at } }, { type: 'undo_deliver', at }],
    [{ name: 'delivery.fail', version: 1, args: { orderId: 'o', reason: 'customer_refused' } }, { type: 'fail_delivery', reason: 'customer_refused' }],
    [{ name: 'return.confirm', version: 1, args: { orderId: 'o', via: 'bag_label', at } }, { type: 'confirm_return', via: 'bag_label' }],
    [{ name: 'return.retry', version: 1, args: { orderId: 'o', clerk: { userId: 'c', storeId: 's' } } }, { type: 'retry_delivery' }],
  ] as const;
  for (const [action, event] of cases) {
    const decoded = decodeStoreAction(action);
    expect(decoded, action.name).toMatchObject({ ok: true, orderId: 'o', event });
    if (decoded.ok) expect(decoded.event).not.toHaveProperty('orderId');
  }
});

test.each([
  [{ name: 'pick.finish', version: 1, args: { orderId: 'o', device: 'd', picked: [{ productId: 'p', quantity: -1, lots: [] }] } }],
  [{ name: 'pick.finish', version: 1, args: { orderId: 'o', device: 'd', picked: [] } }],
  [{ name: 'delivery.close', version: 1, args: { orderId: 'o', at: 'yesterday', position: { unavailable: 'denied' } } }],
  [{ name: 'delivery.close', version: 1, args: { orderId: 'o', at: '2026-11-23T10:00:00Z', photo: { sha256: 'xyz', type: 'image/gif', bytes: 1 }, position: { unavailable: 'denied' } } }],
  [{ name: 'delivery.fail', version: 1, args: { orderId: 'o', reason: 'bored' } }],
  [{ name: 'delivery.fail', version: 1, args: { orderId: 'o', reason: 'other', note: 'a\u0000b' } }],
  [{ name: 'pick.start', version: 1, args: { orderId: '\uD800', device: 'd' } }],
])('[SY41] a malformed store step is refused before it reaches the lifecycle: %j', (action) => {
  expect(decodeStoreAction(action).ok).toBe(false);
});

test('the plain list of action names (for screens that load no zod) names exactly the versioned actions', () => {
  expect([...storeActionNames].sort()).toEqual(Object.keys(storeActions).sort());
});

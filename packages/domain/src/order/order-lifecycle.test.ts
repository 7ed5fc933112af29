import { describe, expect, test } from 'vitest';
import type { Actor, ActorRole } from '../actor.js';
import { CLERK, DELIVERY_CODE, NOW, OTHER_STORE, PHOTO, STORE, orderIn } from '../test/order-fixtures.js';
import { orderEventSchema, orderEventTypes, type EventOf as EventOfType, type OrderEvent, type OrderEventType } from './order-event.js';
import { allowedEvents, lifecycleRules, transition } from './order-lifecycle.js';
import { orderSchema, type Order } from './order.js';
import { orderStatuses, type OrderStatus } from './order-status.js';

/** The lifecycle as docs/order-lifecycle.md states it: event -> [rule, from states, roles, to state]. */
const spec: Record<OrderEventType, { rule: string; from: OrderStatus[]; by: ActorRole[]; to: OrderStatus }> = {
  offer: { rule: 'OL1', from: ['received'], by: ['hq', 'system'], to: 'offered' },
  accept: { rule: 'OL2', from: ['offered'], by: ['store_manager'], to: 'accepted' },
  decline: { rule: 'OL3', from: ['offered'], by: ['store_manager'], to: 'received' },
  expire_offer: { rule: 'OL4', from: ['offered'], by: ['system', 'hq'], to: 'received' },
  start_pick: { rule: 'OL5', from: ['accepted'], by: ['store_manager'], to: 'picking' },
  report_short: { rule: 'OL6', from: ['picking'], by: ['store_manager'], to: 'short' },
  resolve_short: { rule: 'OL7', from: ['short'], by: ['hq'], to: 'picking' },
  finish_pick: { rule: 'OL8', from: ['picking'], by: ['store_manager'], to: 'picked' },
  hand_off: { rule: 'OL9', from: ['picked'], by: ['store_manager'], to: 'out_for_delivery' },
  deliver: { rule: 'OL10', from: ['out_for_delivery'], by: ['store_manager', 'clerk'], to: 'delivered' },
  undo_deliver: { rule: 'OL19', from: ['delivered'], by: ['store_manager', 'clerk'], to: 'out_for_delivery' },
  fail_delivery: { rule: 'OL11', from: ['out_for_delivery'], by: ['store_manager', 'clerk'], to: 'returned_to_store' },
  confirm_return: { rule: 'OL20', from: ['returned_to_store'], by: ['store_manager'], to: 'returned_to_store' },
  retry_delivery: { rule: 'OL12', from: ['returned_to_store'], by: ['store_manager'], to: 'out_for_delivery' },
  close: { rule: 'OL13', from: ['delivered', 'out_for_delivery'], by: ['hq'], to: 'closed' },
  cancel: {
    rule: 'OL14',
    from: ['received', 'offered', 'accepted', 'picking', 'short', 'picked', 'out_for_delivery', 'returned_to_store'],
    by: ['hq'],
    to: 'cancelled',
  },
};

const actors: Record<ActorRole, Actor> = {
  hq: { role: 'hq', userId: 'hq-1' },
  store_manager: { role: 'store_manager', userId: 'manager-a', storeId: STORE },
  clerk: { role: 'clerk', userId: CLERK, storeId: STORE },
  system: { role: 'system' },
};

/** A well-formed event of each type, valid wherever its rule allows it. */
const sampleEvents: Record<OrderEventType, OrderEvent> = {
  offer: { type: 'offer', storeId: STORE, offerExpiresAt: '2026-11-23T10:05:00+08:00' },
  accept: { type: 'accept' },
  decline: { type: 'decline', reason: 'out_of_stock' },
  expire_offer: { type: 'expire_offer' },
  start_pick: { type: 'start_pick' },
  report_short: { type: 'report_short', available: [{ productId: 'p-1', quantity: 1 }] },
  resolve_short: { type: 'resolve_short', resolution: 'partial', note: '客户同意部分发货' },
  finish_pick: { type: 'finish_pick' },
  hand_off: { type: 'hand_off', clerk: { userId: CLERK, storeId: STORE } },
  deliver: { type: 'deliver', code: DELIVERY_CODE, photo: PHOTO, position: { lat: 31.19, lng: 121.43, accuracyM: 12 } },
  undo_deliver: { type: 'undo_deliver', at: '2026-11-23T09:51:00+08:00' },
  fail_delivery: { type: 'fail_delivery', reason: 'customer_unreachable' },
  confirm_return: { type: 'confirm_return', via: 'bag_label', at: '2026-11-23T09:58:00+08:00' },
  retry_delivery: { type: 'retry_delivery', clerk: { userId: CLERK, storeId: STORE } },
  close: { type: 'close' },
  cancel: { type: 'cancel', reason: '客户取消' },
};

/** The fixture states that carry the clerk CLERK: the only ones a clerk can see. */
const clerkStatuses: readonly OrderStatus[] = ['out_for_delivery', 'returned_to_store', 'delivered'];

function clockFor(type: OrderEventType): Date {
  // The sample offer expires at 10:05; expiry may only happen after it, everything else before.
  return type === 'expire_offer' ? new Date('2026-11-23T10:06:00+08:00') : NOW;
}

describe('[OL0] the lifecycle table', () => {
  test('[OL0] the implementation has exactly the rules the spec lists', () => {
    expect(Object.keys(lifecycleRules).sort()).toEqual([...orderEventTypes].sort());
    for (const type of orderEventTypes) {
      expect(lifecycleRules[type].id, type).toBe(spec[type].rule);
      expect(orderEventSchema.safeParse(sampleEvents[type]).success, type).toBe(true);
    }
  });

  const cases = orderStatuses.flatMap((status) =>
    orderEventTypes.flatMap((type) => (Object.keys(actors) as ActorRole[]).map((role) => ({ status, type, role }))),
  );

  test.each(cases)('[$type] $role on a $status order', ({ status, type, role }) => {
    const rule = spec[type];
    const order = type === 'confirm_return' && status === 'returned_to_store' ? { ...orderIn(status), goodsBackAt: undefined } : orderIn(status);
    const result = transition(JSON.parse(JSON.stringify(order)), sampleEvents[type], { actor: actors[role], now: clockFor(type) });
    if (!rule.by.includes(role)) {
      expect(result).toMatchObject({ ok: false, rejection: { reason: 'ROLE_NOT_ALLOWED' } });
    } else if (role !== 'hq' && role !== 'system' && status === 'received') {
      // A received order belongs to no store yet, so a store user is refused as for another store's order.
      expect(result).toMatchObject({ ok: false, rejection: { reason: 'WRONG_STORE' } });
    } else if (role === 'clerk' && !clerkStatuses.includes(status)) {
      // A clerk sees only the orders handed to them: any other is refused as for another store's order.
      expect(result).toMatchObject({ ok: false, rejection: { reason: 'WRONG_STORE' } });
    } else if (!rule.from.includes(status)) {
      expect(result).toMatchObject({ ok: false, rejection: { reason: 'TRANSITION_NOT_ALLOWED' } });
    } else {
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (!result.ok) return;
      expect(result.value.status).toBe(rule.to);
      expect(orderSchema.safeParse(result.value).success).toBe(true);
    }
  });

  test('[OL0] every state is reachable and every non-terminal state has a way out', () => {
    const targets = new Set(Object.values(spec).map((r) => r.to));
    const sources = new Set(Object.values(spec).flatMap((r) => r.from));
    for (const status of orderStatuses) {
      if (status !== 'received') expect(targets.has(status), status).toBe(true);
      if (status !== 'closed' && status !== 'cancelled') expect(sources.has(status), status).toBe(true);
    }
  });
});

describe('guards inside the rules', () => {
  const manager = actors.store_manager;
  const otherManager: Actor = { role: 'store_manager', userId: 'manager-b', storeId: OTHER_STORE };

  test('[OL1] a store that declined is not offered the order again', () => {
    const order = { ...orderIn('received'), declinedBy: [STORE] };
    const result = transition(order, sampleEvents.offer, { actor: actors.hq, now: NOW });
    expect(result).toMatchObject({ ok: false, rejection: { reason: 'STORE_ALREADY_DECLINED' } });
  });

  test('[OL2] an offer cannot be accepted once it expired', () => {
    const result = transition(orderIn('offered'), sampleEvents.accept, {
      actor: manager,
      now: new Date('2026-11-23T10:05:00+08:00'),
    });
    expect(result).toMatchObject({ ok: false, rejection: { reason: 'OFFER_EXPIRED' } });
  });

  test('[OL3] a declined offer returns the order to dispatch and remembers the store', () => {
    const result = transition(orderIn('offered'), sampleEvents.decline, { actor: manager, now: NOW });
    expect(result).toMatchObject({ ok: true, value: { status: 'received', declinedBy: [STORE] } });
    expect(result.ok && 'storeId' in result.value).toBe(false);
  });

  test('[OL4] an offer still open cannot be expired', () => {
    const result = transition(orderIn('offered'), sampleEvents.expire_offer, { actor: actors.system, now: NOW });
    expect(result).toMatchObject({ ok: false, rejection: { reason: 'OFFER_STILL_OPEN' } });
  });

  test('[OL6] reporting short records what is available and refuses when nothing is short', () => {
    const short = transition(orderIn('picking'), sampleEvents.report_short, { actor: manager, now: NOW });
    expect(short).toMatchObject({ ok: true, value: { status: 'short', lines: [{ quantity: 2, confirmedQuantity: 1 }] } });
    const enough = transition(
      orderIn('picking'),
      { type: 'report_short', available: [{ productId: 'p-1', quantity: 5 }] },
      { actor: manager, now: NOW },
    );
    expect(enough).toMatchObject({ ok: false, rejection: { reason: 'NOTHING_SHORT' } });
  });

  test('[OL7] re-dispatching a short order frees the store and restores quantities', () => {
    const order = { ...orderIn('short'), lines: [{ ...orderIn('short').lines[0]!, confirmedQuantity: 0 }] };
    const result = transition(order, { type: 'resolve_short', resolution: 'redispatch' }, { actor: actors.hq, now: NOW });
    expect(result).toMatchObject({ ok: true, value: { status: 'received', declinedBy: [STORE], lines: [{ confirmedQuantity: 2 }] } });
  });

  test('[OL7] a substitute replaces the lines and sends the store back to picking', () => {
    const lines = [{ productId: 'p-2', gtin: '06901234567908', name: '怡宝 555ml', quantity: 2, confirmedQuantity: 2 }];
    const result = transition(orderIn('short'), { type: 'resolve_short', resolution: 'substitute', lines }, { actor: actors.hq, now: NOW });
    expect(result).toMatchObject({ ok: true, value: { status: 'picking', lines } });
  });

  test('[OL7] a partial delivery keeps the customer\'s answer and is refused without it', () => {
    const without = transition(orderIn('short'), { type: 'resolve_short', resolution: 'partial' }, { actor: actors.hq, now: NOW });
    expect(without).toMatchObject({ ok: false, rejection: { reason: 'INVALID_INPUT' } });
    const withNote = transition(orderIn('short'), sampleEvents.resolve_short, { actor: actors.hq, now: NOW });
    expect(withNote).toMatchObject({ ok: true, value: { status: 'picking' } });
  });

  test('[OL7] on a pay-on-delivery order the amount to collect follows the confirmed lines', () => {
    const priced = [
      { productId: 'p-1', gtin: '06901234567892', name: '农夫山泉 550ml', quantity: 4, confirmedQuantity: 1, unitPriceFen: 200 },
      { productId: 'p-3', gtin: '06901234567915', name: '可口可乐 330ml', quantity: 1, confirmedQuantity: 1, unitPriceFen: 350 },
    ];
    const short = { ...orderIn('short'), lines: priced, payment: { method: 'on_delivery' as const, amountDueFen: 1150 } };
    const partial = transition(short, sampleEvents.resolve_short, { actor: actors.hq, now: NOW });
    expect(partial).toMatchObject({ ok: true, value: { payment: { method: 'on_delivery', amountDueFen: 550 } } });
    const lines = [...priced, { productId: 'p-2', gtin: '06901234567908', name: '怡宝 555ml', quantity: 3, confirmedQuantity: 3, unitPriceFen: 180 }];
    const substitute = transition(short, { type: 'resolve_short', resolution: 'substitute', lines }, { actor: actors.hq, now: NOW });
    expect(substitute).toMatchObject({ ok: true, value: { payment: { amountDueFen: 550 + 540 } } });
    const prepaid = transition({ ...short, payment: { method: 'prepaid', amountDueFen: 0 } }, sampleEvents.resolve_short, { actor: actors.hq, now: NOW });
    expect(prepaid).toMatchObject({ ok: true, value: { payment: { method: 'prepaid', amountDueFen: 0 } } });
  });

  test('[OL9] a hand-off to a clerk of another store is refused', () => {
    const result = transition(orderIn('picked'), { type: 'hand_off', clerk: { userId: 'x', storeId: OTHER_STORE } }, { actor: manager, now: NOW });
    expect(result).toMatchObject({ ok: false, rejection: { reason: 'WRONG_STORE' } });
  });

  test('[OL10] another clerk is refused exactly as for an order of another store', () => {
    const other: Actor = { role: 'clerk', userId: 'clerk-2', storeId: STORE };
    const result = transition(orderIn('out_for_delivery'), sampleEvents.deliver, { actor: other, now: NOW });
    const missing = transition({ ...orderIn('out_for_delivery'), storeId: OTHER_STORE } as Order, sampleEvents.deliver, { actor: other, now: NOW });
    expect(result).toMatchObject({ ok: false, rejection: { reason: 'WRONG_STORE' } });
    expect(result).toEqual(missing);
  });

  test('[OL10] the close needs the customer\'s code, checked against the salted hash', () => {
    for (const code of ['000000', '12345', '', '1234567', undefined]) {
      const result = transition(orderIn('out_for_delivery'), { ...sampleEvents.deliver, code } as OrderEvent, { actor: actors.clerk, now: NOW });
      expect(result, String(code)).toMatchObject({ ok: false, rejection: { reason: 'DELIVERY_CODE_WRONG' } });
    }
    const result = transition(orderIn('out_for_delivery'), sampleEvents.deliver, { actor: actors.clerk, now: NOW });
    expect(result).toMatchObject({ ok: true, value: { status: 'delivered', proof: { code: 'matched', photo: PHOTO } } });
  });

  test('[OL10] the close needs the photo the policy asks for, and the cash on a pay-on-delivery order', () => {
    const { photo: _photo, ...noPhoto } = sampleEvents.deliver as EventOfType<'deliver'>;
    expect(transition(orderIn('out_for_delivery'), noPhoto, { actor: actors.clerk, now: NOW }))
      .toMatchObject({ ok: false, rejection: { reason: 'PROOF_MISSING', details: { missing: 'photo' } } });
    const cod = { ...orderIn('out_for_delivery'), payment: { method: 'on_delivery' as const, amountDueFen: 1250 } };
    expect(transition(cod, sampleEvents.deliver, { actor: actors.clerk, now: NOW }))
      .toMatchObject({ ok: false, rejection: { reason: 'PROOF_MISSING', details: { missing: 'cash' } } });
    expect(transition(cod, { ...sampleEvents.deliver, collectedFen: 1250 } as OrderEvent, { actor: actors.clerk, now: NOW }))
      .toMatchObject({ ok: true, value: { proof: { collectedFen: 1250 } } });
  });

  test('[OL10] the door time is the device\'s, never later than the server\'s, and opens the undo window', () => {
    const at = '2026-11-23T09:40:00+08:00';
    const early = transition(orderIn('out_for_delivery'), { ...sampleEvents.deliver, at } as OrderEvent, { actor: actors.clerk, now: NOW });
    expect(early).toMatchObject({ ok: true, value: { deliveredAt: new Date(at).toISOString(), undoUntil: new Date('2026-11-23T09:42:00+08:00').toISOString() } });
    const future = transition(orderIn('out_for_delivery'), { ...sampleEvents.deliver, at: '2026-11-23T11:00:00+08:00' } as OrderEvent, { actor: actors.clerk, now: NOW });
    expect(future).toMatchObject({ ok: true, value: { deliveredAt: NOW.toISOString() } });
  });

  test('[OL19] a close can be undone within its window, judged by the time of the tap', () => {
    const late = transition(orderIn('delivered'), { type: 'undo_deliver', at: '2026-11-23T09:52:01+08:00' }, { actor: actors.clerk, now: NOW });
    expect(late).toMatchObject({ ok: false, rejection: { reason: 'UNDO_WINDOW_PASSED' } });
    const inTime = transition(orderIn('delivered'), sampleEvents.undo_deliver, { actor: actors.clerk, now: new Date('2026-11-23T12:00:00+08:00') });
    expect(inTime).toMatchObject({ ok: true, value: { status: 'out_for_delivery', clerkId: CLERK } });
    expect(inTime.ok && 'proof' in inTime.value).toBe(false);
  });

  test('[OL11] a failure whose reason needs a photo is refused without one', () => {
    const result = transition(orderIn('out_for_delivery'), { type: 'fail_delivery', reason: 'goods_damaged' }, { actor: actors.clerk, now: NOW });
    expect(result).toMatchObject({ ok: false, rejection: { reason: 'PROOF_MISSING', details: { missing: 'photo' } } });
    const withPhoto = transition(orderIn('out_for_delivery'), { type: 'fail_delivery', reason: 'goods_damaged', photo: PHOTO, note: '箱子压坏' }, { actor: actors.clerk, now: NOW });
    expect(withPhoto).toMatchObject({ ok: true, value: { status: 'returned_to_store', failureReason: 'goods_damaged', failurePhoto: PHOTO, failureNote: '箱子压坏' } });
  });

  test('[OL12] a retry needs the goods confirmed back in the store first [OL20]', () => {
    const notBack = { ...orderIn('returned_to_store'), goodsBackAt: undefined };
    const retry = { type: 'retry_delivery', clerk: { userId: 'clerk-2', storeId: STORE } } as const;
    expect(transition(JSON.parse(JSON.stringify(notBack)), retry, { actor: manager, now: NOW })).toMatchObject({ ok: false, rejection: { reason: 'GOODS_NOT_BACK' } });
    const back = transition(JSON.parse(JSON.stringify(notBack)), sampleEvents.confirm_return, { actor: manager, now: NOW });
    expect(back).toMatchObject({ ok: true, value: { status: 'returned_to_store', goodsBackAt: '2026-11-23T09:58:00+08:00' } });
    if (!back.ok) return;
    expect(transition(back.value, sampleEvents.confirm_return, { actor: manager, now: NOW }).ok).toBe(false);
    expect(transition(back.value, retry, { actor: manager, now: NOW })).toMatchObject({ ok: true, value: { status: 'out_for_delivery', clerkId: 'clerk-2' } });
  });

  test('[OL5] [OL8] a pick belongs to the handheld that started it; another handheld is told', () => {
    const started = transition(orderIn('accepted'), { type: 'start_pick', device: 'pda-1' }, { actor: manager, now: NOW });
    expect(started).toMatchObject({ ok: true, value: { status: 'picking', picker: { userId: 'manager-a', device: 'pda-1' } } });
    if (!started.ok) return;
    const picked = [{ productId: 'p-1', quantity: 2, lots: [] }];
    const other = transition(started.value, { type: 'finish_pick', device: 'pda-2', picked }, { actor: manager, now: NOW });
    expect(other).toMatchObject({ ok: false, rejection: { reason: 'PICK_ON_OTHER_DEVICE', details: { userId: 'manager-a' } } });
    expect(transition(started.value, { type: 'finish_pick', device: 'pda-1', picked }, { actor: manager, now: NOW }))
      .toMatchObject({ ok: true, value: { status: 'picked', picked } });
  });

  test('[OL8] a finished pick matches the order: nothing missing, nothing extra, lots within the count', () => {
    const pick = (picked: { productId: string; quantity: number; lots: { quantity: number; lot?: string }[] }[]) =>
      transition(orderIn('picking'), { type: 'finish_pick', picked }, { actor: manager, now: NOW });
    expect(pick([{ productId: 'p-1', quantity: 1, lots: [] }])).toMatchObject({ ok: false, rejection: { reason: 'PICK_INCOMPLETE' } });
    expect(pick([{ productId: 'p-1', quantity: 3, lots: [] }])).toMatchObject({ ok: false, rejection: { reason: 'PICK_MISMATCH' } });
    expect(pick([{ productId: 'p-1', quantity: 2, lots: [] }, { productId: 'p-9', quantity: 1, lots: [] }])).toMatchObject({ ok: false, rejection: { reason: 'PICK_MISMATCH' } });
    expect(pick([{ productId: 'p-1', quantity: 2, lots: [{ quantity: 3, lot: 'L1' }] }])).toMatchObject({ ok: false, rejection: { reason: 'PICK_MISMATCH' } });
    expect(pick([{ productId: 'p-1', quantity: 2, lots: [{ quantity: 2, lot: 'L1' }] }])).toMatchObject({ ok: true });
  });

  test('[OL13] a closed order keeps the proof of its delivery', () => {
    const proof = { code: 'matched' as const, photo: PHOTO, position: { unavailable: 'denied' as const } };
    const delivered = { ...orderIn('delivered'), proof } as Order;
    const closed = transition(delivered, sampleEvents.close, { actor: actors.hq, now: NOW });
    expect(closed).toMatchObject({ ok: true, value: { status: 'closed', proof, deliveredAt: '2026-11-23T09:50:00+08:00' } });
    expect(orderSchema.safeParse(closed.ok && closed.value).success).toBe(true);
  });

  test('[OL13] an order closed from the batch without a device delivery says so', () => {
    const fromDevice = transition(orderIn('delivered'), sampleEvents.close, { actor: actors.hq, now: NOW });
    const fromBatch = transition(orderIn('out_for_delivery'), sampleEvents.close, { actor: actors.hq, now: NOW });
    expect(fromDevice).toMatchObject({ ok: true, value: { closedVia: 'device' } });
    expect(fromBatch).toMatchObject({ ok: true, value: { closedVia: 'batch' } });
  });

  test('[OL15] a store user acting on another store\'s order learns only WRONG_STORE, whatever its state', () => {
    for (const status of orderStatuses) {
      for (const type of orderEventTypes) {
        const result = transition(orderIn(status), sampleEvents[type], { actor: otherManager, now: NOW });
        expect(result.ok).toBe(false);
        if (!result.ok && spec[type].by.includes('store_manager')) expect(result.rejection.reason).toBe('WRONG_STORE');
      }
    }
  });

  test('[OL16] every rejection carries a sentence a person can read', () => {
    const result = transition(orderIn('closed'), sampleEvents.cancel, { actor: actors.hq, now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rejection.message).toMatch(/^[A-Z].{10,}\.$/);
  });

  test('[OL17] allowedEvents offers exactly the events the lifecycle would accept', () => {
    expect(allowedEvents(orderIn('offered'), manager).sort()).toEqual(['accept', 'decline']);
    expect(allowedEvents(orderIn('offered'), otherManager)).toEqual([]);
    expect(allowedEvents(orderIn('out_for_delivery'), actors.clerk).sort()).toEqual(['deliver', 'fail_delivery']);
    expect(allowedEvents(orderIn('out_for_delivery'), { role: 'clerk', userId: 'clerk-2', storeId: STORE })).toEqual([]);
    expect(allowedEvents(orderIn('closed'), actors.hq)).toEqual([]);
  });

  test('[OL18] a transition stamps updatedAt with the clock it was given', () => {
    const result = transition(orderIn('accepted'), sampleEvents.start_pick, { actor: manager, now: NOW });
    expect(result).toMatchObject({ ok: true, value: { updatedAt: NOW.toISOString() } });
  });
});

import { expect, test } from 'vitest';
import { inboxSections, offersFirst } from './inbox-order.js';

test('[IN1] offers waiting for a decision come first, then the rest, newest first within each', () => {
  const byUpdatedAt = [
    { id: 'old-offer', status: 'offered' },
    { id: 'accepted-earlier', status: 'accepted' },
    { id: 'new-offer', status: 'offered' },
    { id: 'just-accepted', status: 'accepted' },
  ] as const;
  expect(offersFirst(byUpdatedAt).map((o) => o.id)).toEqual(['new-offer', 'old-offer', 'just-accepted', 'accepted-earlier']);
});

test('[IN2] the inbox separates what needs doing now from what waits on others and what is done', () => {
  const byUpdatedAt = [
    { id: 'delivered', status: 'delivered' },
    { id: 'picked', status: 'picked' },
    { id: 'out', status: 'out_for_delivery' },
    { id: 'offer', status: 'offered' },
    { id: 'short', status: 'short' },
    { id: 'back', status: 'returned_to_store' },
  ] as const;
  const sections = inboxSections(byUpdatedAt);
  expect(sections.now.map((o) => o.id)).toEqual(['offer', 'back', 'picked']);
  expect(sections.waiting.map((o) => o.id)).toEqual(['short', 'out']);
  expect(sections.done.map((o) => o.id)).toEqual(['delivered']);
});

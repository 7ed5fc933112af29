import { expect, test } from 'vitest';
import { offersFirst } from './inbox-order.js';

test('[IN1] offers waiting for a decision come first, then the rest, newest first within each', () => {
  const byUpdatedAt = [
    { id: 'old-offer', status: 'offered' },
    { id: 'accepted-earlier', status: 'accepted' },
    { id: 'new-offer', status: 'offered' },
    { id: 'just-accepted', status: 'accepted' },
  ] as const;
  expect(offersFirst(byUpdatedAt).map((o) => o.id)).toEqual(['new-offer', 'old-offer', 'just-accepted', 'accepted-earlier']);
});

import { expect, test } from 'vitest';

test('[SEC50] the jitless setting made before zod loads is the one zod then uses', async () => {
  await import('./zod-without-eval.js');
  const { z } = await import('zod');
  expect(z.config().jitless).toBe(true);
  // And it still parses, without the compiled fast path.
  expect(z.object({ orderId: z.string() }).parse({ orderId: 'o-1' })).toEqual({ orderId: 'o-1' });
});

import { expect, test } from 'vitest';
import type { CodeAttempts } from '../../local-db/store-db.js';
import { afterWrongCode, codeEntryState, codePauseMs, maxWrongCodes } from './code-attempts.js';

const now = new Date('2026-11-23T06:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

test('[DL5] five wrong codes in a row pause the code entry for five minutes', () => {
  let attempts: CodeAttempts | undefined;
  for (let i = 1; i < maxWrongCodes; i++) {
    attempts = afterWrongCode('o-1', attempts, now);
    expect(codeEntryState(attempts, now)).toEqual({ paused: false, triesLeft: maxWrongCodes - i });
  }
  attempts = afterWrongCode('o-1', attempts, now);
  expect(attempts).toEqual({ orderId: 'o-1', failures: 5, lockedUntil: later(codePauseMs).toISOString() });
  expect(codeEntryState(attempts, later(codePauseMs - 1))).toEqual({ paused: true, until: later(codePauseMs).toISOString() });
});

test('[DL5] once the pause has run out the clerk gets a fresh round of five tries', () => {
  const paused: CodeAttempts = { orderId: 'o-1', failures: 5, lockedUntil: later(codePauseMs).toISOString() };
  expect(codeEntryState(paused, later(codePauseMs))).toEqual({ paused: false, triesLeft: maxWrongCodes });
  expect(afterWrongCode('o-1', paused, later(codePauseMs))).toEqual({ orderId: 'o-1', failures: 1 });
});

test('[DL5] no record means every try is left', () => {
  expect(codeEntryState(undefined, now)).toEqual({ paused: false, triesLeft: maxWrongCodes });
});

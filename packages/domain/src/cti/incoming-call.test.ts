import { expect, test } from 'vitest';
import { callerNumberOf, incomingCallInput, maskedCallerNumber } from './incoming-call.js';

test.each([
  ['13800138000', '13800138000', 'mobile'],
  ['+86 138 0013 8000', '13800138000', 'mobile'],
  ['+8613800138000', '13800138000', 'mobile'],
  ['8613800138000', '13800138000', 'mobile'],
  ['0086-138-0013-8000', '13800138000', 'mobile'],
  ['(138) 0013 8000', '13800138000', 'mobile'],
  ['021-64081234', '021-64081234', 'landline'],
  ['021 6408 1234', '02164081234', 'landline'],
  ['+86 21 6408 1234', '021-64081234', 'landline'],
  ['+86 571 8888 1234', '0571-88881234', 'landline'],
  ['10086', '10086', 'other'],
] as const)('[CT3] caller %s is looked up as %s (%s)', (raw, number, kind) => {
  expect(callerNumberOf(raw)).toEqual({ number, kind });
});

test('[CT3] a mobile shows with its middle hidden; a landline keeps its area code and last four', () => {
  expect(maskedCallerNumber('13800138000')).toBe('138****8000');
  expect(maskedCallerNumber('021-64081234')).toBe('021-64**1234');
  expect(maskedCallerNumber('10086')).toBe('10086');
});

test('[CT2] the webhook body names each wrong field', () => {
  const parsed = incomingCallInput.safeParse({ callId: 'a b', caller: 'x', called: 42, extension: '1' });
  expect(parsed.success).toBe(false);
  expect(parsed.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['callId', 'called', 'caller', 'extension']);
  expect(incomingCallInput.safeParse({ callId: 'c-1', caller: '+86 138 0013 8000', called: '400-820-8820', extension: '8001' }).success).toBe(true);
});

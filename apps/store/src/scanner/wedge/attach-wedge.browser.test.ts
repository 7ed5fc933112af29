import { afterEach, beforeEach, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { attachWedge } from './attach-wedge.js';
import type { WedgeScan } from './wedge-decoder.js';
import { defaultWedgeSettings, GS } from './wedge-settings.js';

let scans: WedgeScan[] = [];
let detach: () => void = () => undefined;

beforeEach(() => {
  scans = [];
  document.body.innerHTML = '<button type="button">完成拣货</button><label>备注 <input id="note"></label>';
  detach = attachWedge({ settings: defaultWedgeSettings, label: '扫描输入', onScan: (s) => scans.push(s) });
});
afterEach(() => detach());

const sink = () => document.querySelector<HTMLInputElement>('[data-scanner-sink]')!;
const settle = (ms = 450) => new Promise((r) => setTimeout(r, ms));

test('[WB1] real key presses at scanner speed become one scan, and the soft keyboard stays down', async () => {
  await userEvent.keyboard('6901234567892{Enter}');
  expect(scans.map((s) => s.text)).toEqual(['6901234567892']);
  expect(sink().inputMode).toBe('none');
  expect(document.activeElement).toBe(sink());
});

test('[WB2] the same keys at human speed are not a scan', async () => {
  for (const key of '6901234567892') {
    await userEvent.keyboard(key);
    await settle(110);
  }
  await userEvent.keyboard('{Enter}');
  expect(scans).toEqual([]);
});

test('[WB3] keys arrive even when focus is on a button of the screen', async () => {
  document.querySelector('button')!.focus();
  await userEvent.keyboard('96385074{Enter}');
  expect(scans.map((s) => s.text)).toEqual(['96385074']);
});

test('[WB4] typing into a real form field is left alone', async () => {
  document.querySelector<HTMLInputElement>('#note')!.focus();
  await userEvent.keyboard('6901234567892{Enter}');
  expect(scans).toEqual([]);
  expect(document.querySelector<HTMLInputElement>('#note')!.value).toBe('6901234567892');
});

test('[WB5] Android: keydown says Unidentified, the characters come through beforeinput', async () => {
  sink().focus();
  for (const ch of '6901234567892') {
    sink().dispatchEvent(new KeyboardEvent('keydown', { key: 'Unidentified', bubbles: true, cancelable: true }));
    sink().dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: ch, bubbles: true, cancelable: true }));
  }
  sink().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  expect(scans.map((s) => s.text)).toEqual(['6901234567892']);
});

test('[WB6] a whole string injected at once, with no suffix, ends by silence', async () => {
  sink().focus();
  sink().dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: `0109501101530003${GS}10ABC`, bubbles: true, cancelable: true }));
  await settle();
  expect(scans).toMatchObject([{ text: `0109501101530003${GS}10ABC`, via: 'text', ended: 'silence' }]);
});

test('[WB7] a paste is a scan', async () => {
  const data = new DataTransfer();
  data.setData('text', '10614141000415');
  document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  expect(scans).toMatchObject([{ text: '10614141000415', via: 'paste' }]);
});

test('[WB8] Ctrl+] is the GS separator', async () => {
  await userEvent.keyboard('0109501101530003{Control>}]{/Control}10ABC{Enter}');
  expect(scans.map((s) => s.text)).toEqual([`0109501101530003${GS}10ABC`]);
});

import { parseBarcode, pickCommandBarcodes, type IsoDate } from '@repo/domain';
import { describe, expect, test } from 'vitest';
import { bagLabelPayload, clerkBadgePayload, findBadgeClerk, isBagLabelOf, readStoreLabel } from './store-labels.js';

const staff = [
  { id: 'u-01-c1', displayName: '王芳（徐家汇店店员）' },
  { id: 'u-01-c2', displayName: '李强（徐家汇店店员）' },
];

describe('clerk badge', () => {
  test('[HO2] a badge reads back as the clerk it was printed for, also through a camera (]Q1) and a wedge (Enter)', () => {
    const payload = clerkBadgePayload('u-01-c1');
    expect(payload).toBe('CLERK:u-01-c1');
    for (const scan of [payload, `]Q1${payload}`, `${payload}\r\n`]) {
      expect(readStoreLabel(scan)).toEqual({ kind: 'clerk_badge', userId: 'u-01-c1' });
    }
    expect(findBadgeClerk('u-01-c1', staff)?.displayName).toBe('王芳（徐家汇店店员）');
  });

  test('[HO2] a badge scanned with Caps Lock on still finds the clerk', () => {
    const label = readStoreLabel('clerk:U-01-C2');
    expect(label).toEqual({ kind: 'clerk_badge', userId: 'U-01-C2' });
    expect(findBadgeClerk('U-01-C2', staff)?.id).toBe('u-01-c2');
  });

  test('[HO3] a badge of another store\'s clerk or of nobody finds no clerk here', () => {
    expect(findBadgeClerk('u-02-c1', staff)).toBeUndefined();
    expect(findBadgeClerk('u-01-manager', staff)).toBeUndefined();
    expect(findBadgeClerk('', staff)).toBeUndefined();
  });

  test('[HO3] two clerks whose ids differ only by case: the badge is not guessed at', () => {
    expect(findBadgeClerk('ab', [{ id: 'ab', displayName: 'A' }, { id: 'AB', displayName: 'B' }])).toBeUndefined();
  });
});

describe('bag label', () => {
  test('[HO6] a bag label reads back as its order number', () => {
    const payload = bagLabelPayload('D20261123-00042');
    expect(payload).toBe('ORDER:D20261123-00042');
    expect(readStoreLabel(`]Q1${payload}`)).toEqual({ kind: 'bag_label', orderNumber: 'D20261123-00042' });
    expect(isBagLabelOf('d20261123-00042', { number: 'D20261123-00042' })).toBe(true);
    expect(isBagLabelOf('D20261123-00043', { number: 'D20261123-00042' })).toBe(false);
  });
});

describe('abuse', () => {
  const malformed = [
    ['empty value', 'CLERK:'],
    ['only spaces', 'CLERK:   '],
    ['U+0000 inside', 'CLERK:u-01\u0000-c1'],
    ['U+0000 alone', 'ORDER:\u0000'],
    ['GS separator', 'ORDER:D1\u001dD2'],
    ['lone surrogate', 'CLERK:u-01-c1\ud800'],
    ['another colon', 'CLERK:store-02:u-02-c1'],
    ['a space inside', 'ORDER:D2026 0042'],
    ['huge', `CLERK:${'a'.repeat(100_000)}`],
    ['65 characters', `ORDER:${'A'.repeat(65)}`],
    ['markup', 'CLERK:<script>'],
  ] as const;
  test.each(malformed)('[HO3] %s is refused as a damaged label, never read as an id', (_what, scan) => {
    expect(readStoreLabel(scan)).toMatchObject({ kind: 'malformed' });
  });

  test('[HO2] what is not ours is left for the product reader: empty, a GTIN, a command, a URL', () => {
    for (const scan of ['', '\u0000', '6902000000018', 'CMD:FINISH', 'https://example.com/CLERK:u-01-c1', 'CLERKS:u-01-c1', ' CLERK:u-01-c1']) {
      expect(readStoreLabel(scan)).toBeNull();
    }
  });

  test('[HO2] nothing that cannot be read back is ever printed', () => {
    expect(() => clerkBadgePayload('')).toThrow();
    expect(() => bagLabelPayload('D1\u0000')).toThrow();
    expect(() => clerkBadgePayload('x'.repeat(65))).toThrow();
  });
});

test('[HO2] the product reader never takes a badge or a bag label for a product, GS1 data or a command', () => {
  const today = '2026-05-01' as IsoDate;
  // A scanner whose setup uses "~" for GS and that adds AIM identifiers.
  const options = { today, separators: ['~'] };
  for (const text of ['CLERK:u-01-c1', 'CLERK:U-01-C1', ']Q1CLERK:u-01-c1', 'ORDER:D20261123-00042', ']Q1ORDER:D20261123-00042', 'ORDER:0123456789012']) {
    const parsed = parseBarcode(text, options);
    expect(parsed.ok, text).toBe(false);
  }
  // And the other way round: none of the command barcodes is one of our labels.
  for (const c of pickCommandBarcodes) expect(readStoreLabel(c.payload)).toBeNull();
});

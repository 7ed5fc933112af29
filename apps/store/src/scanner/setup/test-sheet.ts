import { GS } from '../wedge/wedge-settings.js';

/** One code on the printable scanner test sheet, with exactly what a well-set scanner delivers. */
export interface TestSheetCode {
  readonly id: 'ean13' | 'ean8' | 'upca' | 'itf14' | 'gs1_128' | 'code128';
  readonly symbology: 'EAN_13' | 'EAN_8' | 'UPC_A' | 'ITF' | 'CODE_128';
  /** What is encoded in the bars (FNC1 written as GS for GS1-128). */
  readonly encoded: string;
  /** What the scanner should type. UPC-A often arrives as 12 digits or as 13 with a leading 0. */
  readonly expected: readonly string[];
}

/** The codes the wizard asks for, in order. Each catches a different common misconfiguration. */
export const testSheet: readonly TestSheetCode[] = [
  { id: 'ean13', symbology: 'EAN_13', encoded: '6901234567892', expected: ['6901234567892'] },
  { id: 'ean8', symbology: 'EAN_8', encoded: '96385074', expected: ['96385074'] },
  { id: 'upca', symbology: 'UPC_A', encoded: '036000291452', expected: ['036000291452', '0036000291452'] },
  { id: 'itf14', symbology: 'ITF', encoded: '10614141000415', expected: ['10614141000415'] },
  // A variable-length lot (10) followed by an expiry (17): only readable with the separator.
  { id: 'gs1_128', symbology: 'CODE_128', encoded: `]C101069012345678921021A7${GS}17271231`, expected: [`]C101069012345678921021A7${GS}17271231`, `01069012345678921021A7${GS}17271231`] },
  // Lower case and a dash: scanners set to a wrong keyboard layout or caps lock change these.
  { id: 'code128', symbology: 'CODE_128', encoded: 'Pick-test-42a', expected: ['Pick-test-42a'] },
];

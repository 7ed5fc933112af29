import type { DecodedBarcode } from '@repo/scan-decode';

/**
 * The text a camera read goes into the scan pipeline as: the AIM symbology identifier in front of
 * the data, as a wedge scanner with identifiers switched on sends it. `parseBarcode` needs it to
 * tell GS1-128 (`]C1`) from plain Code 128 and ITF-14 from 14 bare digits.
 */
export function toScanText(decoded: DecodedBarcode): string {
  return (decoded.symbologyIdentifier ?? '') + decoded.text;
}

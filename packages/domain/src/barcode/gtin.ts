/** GS1 mod-10 check digit for the digits of a GTIN (or SSCC, GLN) without its check digit. */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    // Weights alternate 3,1,3… counting from the rightmost digit.
    const digit = digitsWithoutCheck.charCodeAt(digitsWithoutCheck.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of a numeric key is its GS1 check digit. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}

/** Appends the check digit to a key body, e.g. 12 digits -> an EAN-13. */
export function withCheckDigit(body: string): string {
  return body + String(gs1CheckDigit(body));
}

/** Left-pads an EAN-13, EAN-8 or UPC-A to the 14 digits every GTIN is compared as. */
export function toGtin14(gtin: string): string {
  return gtin.padStart(14, '0');
}

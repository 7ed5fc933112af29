/**
 * Phone numbers as the chain keeps them: digits only, no country code. A mobile is 11 digits
 * starting with 1; a landline keeps its area code (021 for Shanghai), and a bare 8-digit number is
 * a Shanghai landline. The same caller typed as "+86 138-0013-8000" or "13800138000" is one customer.
 */
export function normalisePhone(typed: string): string | null {
  let digits = typed.trim().replace(/[\s\-().（）]/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  digits = digits.replace(/^\+/, '');
  if (/^(0086|86)1\d{10}$/.test(digits)) digits = digits.replace(/^(0086|86)/, '');
  else if (/^(0086|86)[2-9]\d{8,10}$/.test(digits)) digits = `0${digits.replace(/^(0086|86)/, '')}`;
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  if (/^0\d{2,3}\d{7,8}$/.test(digits) && digits.length <= 12) return digits;
  if (/^[2-9]\d{7}$/.test(digits)) return `021${digits}`;
  return null;
}

/** What a search box entry means: the last four digits, a whole or partial number, or a name. */
export type CustomerQuery =
  | { readonly kind: 'last4'; readonly digits: string }
  | { readonly kind: 'phone'; readonly digits: string }
  | { readonly kind: 'name'; readonly text: string };

/**
 * Four digits are the tail of a number (callers and screen pops give those); more digits are a
 * number or part of one; anything else is a name.
 */
export function readCustomerQuery(query: string): CustomerQuery | null {
  const text = query.trim();
  if (text === '') return null;
  const digits = text.replace(/[\s\-+().（）]/g, '');
  if (/^\d+$/.test(digits)) {
    if (digits.length === 4) return { kind: 'last4', digits };
    return { kind: 'phone', digits: normalisePhone(digits) ?? digits };
  }
  return { kind: 'name', text };
}

import type { HqKey } from '../../i18n/hq-catalogs.js';

/** A problem with one input field, from the client's zod check or the server's `data.fields`. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  /** zod's issue code; the server's formatter leaves it out. */
  readonly code?: string;
}

/** Field path -> what to tell the operator. */
export type IntakeFieldErrors = Readonly<Record<string, string>>;

/**
 * Words for the intake form's field problems. zod's messages are English and written for
 * developers, so known paths get the console's own words; anything else shows as it came.
 */
export function intakeFieldErrors(issues: readonly FieldIssue[], t: (key: HqKey) => string): IntakeFieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = catalogKeyFor(issue);
    errors[issue.path] ??= key ? t(key) : issue.message;
  }
  return errors;
}

function catalogKeyFor({ path, code }: FieldIssue): HqKey | null {
  if (path === 'customerId') return 'intake.errors.customerId';
  if (path === 'lines' && code === 'too_small') return 'intake.errors.lines';
  if (path === 'lines' && code === 'custom') return 'intake.errors.duplicate';
  if (/^lines\.\d+\.quantity$/.test(path)) return 'intake.errors.quantity';
  if (/^lines\.\d+\.productId$/.test(path)) return 'intake.errors.productId';
  if (path === 'addressId') return 'intake.errors.addressId';
  if (path.startsWith('address')) return 'intake.errors.address';
  return null;
}

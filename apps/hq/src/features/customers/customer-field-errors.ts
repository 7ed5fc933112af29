import type { HqKey } from '../../i18n/hq-catalogs.js';
import type { FieldIssue } from '../intake/intake-field-errors.js';

/** Field path -> what to tell the agent. */
export type CustomerFieldErrors = Readonly<Record<string, string>>;

/**
 * Words for the customer forms' field problems, by the last part of the path (the new customer's
 * address fields sit under `address.`). The server's own refusals carry no zod code.
 */
export function customerFieldErrors(issues: readonly FieldIssue[], t: (key: HqKey) => string): CustomerFieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.split('.').at(-1) ?? '';
    const key = keyFor(field, issue.code);
    errors[field] ??= key ? t(key) : issue.message;
  }
  return errors;
}

function keyFor(field: string, code: string | undefined): HqKey | null {
  switch (field) {
    case 'name': return 'customers.errors.name';
    // Past the form's own check, the server refuses a number only when it is already on file.
    case 'phone': return code ? 'customers.errors.phone' : 'customers.errors.phoneOnFile';
    case 'label': return 'customers.errors.label';
    case 'district': return 'customers.errors.district';
    case 'detail': return 'customers.errors.detail';
    case 'notes': return 'customers.errors.notes';
    default: return null;
  }
}

import { useState, type FormEvent } from 'react';
import { addAddressInput } from '@repo/domain';
import { toApiProblem, type ApiProblem } from '../../api/api-problem.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { AddressFields, emptyAddress, type AddressDraft } from './address-fields.js';
import { AddressPreview, previewPoint } from './address-preview.js';
import { customerFieldErrors, type CustomerFieldErrors } from './customer-field-errors.js';

interface NewAddressFormProps {
  readonly customerId: string;
  readonly onSaved: (address: { id: string; label: string }) => void;
  readonly onCancel: () => void;
}

/** Another delivery address, added while the customer is on the line. */
export function NewAddressForm({ customerId, onSaved, onCancel }: NewAddressFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<AddressDraft>({ ...emptyAddress, label: '' });
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<CustomerFieldErrors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const parsed = addAddressInput.safeParse({ customerId, ...draft, mapLink: draft.mapLink.trim() === '' ? undefined : draft.mapLink });
  const errors = { ...serverErrors, ...(checked ? addressErrors(draft, parsed, t) : {}) };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The form's own submit must not reach the order form around the file.
    event.stopPropagation();
    setChecked(true);
    setProblem(null);
    if (!parsed.success || Object.keys(addressErrors(draft, parsed, t)).length > 0) return;
    setBusy(true);
    try {
      const saved = await api.customers.addAddress.mutate(parsed.data);
      onSaved({ id: saved.id, label: saved.label });
    } catch (error) {
      const failure = toApiProblem(error);
      setServerErrors(customerFieldErrors(failure.fields, t));
      setProblem(failure.fields.length > 0 ? null : failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel new-address" onSubmit={submit} aria-labelledby="new-address-title" noValidate>
      <h3 id="new-address-title">{t('customers.newAddressTitle')}</h3>
      <div className="address-form-grid">
        <AddressFields idPrefix="new-address" value={draft} onChange={(d) => { setDraft(d); setServerErrors({}); }} errors={errors} />
        <AddressPreview draft={draft} id="new-address-preview" />
      </div>
      {checked && Object.keys(errors).length > 0 && <p role="alert" className="error">{t('customers.errors.form')}</p>}
      <ProblemAlert problem={problem} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>{busy ? t('customers.savingAddress') : t('customers.saveAddress')}</button>
        <button type="button" onClick={onCancel}>{t('customers.cancel')}</button>
      </div>
    </form>
  );
}

/** Field problems of an address draft: the schema's, and the map link's as the server would find it. */
export function addressErrors(
  draft: AddressDraft,
  parsed: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[] } },
  t: Parameters<typeof customerFieldErrors>[1],
): CustomerFieldErrors {
  const issues = parsed.success ? [] : (parsed.error?.issues ?? []).map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }));
  const errors: Record<string, string> = { ...customerFieldErrors(issues, t) };
  const point = previewPoint(draft);
  if (point && !point.ok) errors.mapLink = t(`customers.mapLinkProblem.${point.problem}`);
  return errors;
}

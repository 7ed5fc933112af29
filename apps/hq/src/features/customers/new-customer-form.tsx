import { useState, type FormEvent } from 'react';
import { createCustomerInput } from '@repo/domain';
import { toApiProblem, type ApiProblem } from '../../api/api-problem.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { AddressFields, emptyAddress, type AddressDraft } from './address-fields.js';
import { AddressPreview } from './address-preview.js';
import { customerFieldErrors, type CustomerFieldErrors } from './customer-field-errors.js';
import { addressErrors } from './new-address-form.js';

interface NewCustomerFormProps {
  /** The caller's number from the screen pop or the search box. */
  readonly phone: string;
  readonly onCreated: (created: { id: string; addressId: string; name: string }) => void;
  readonly onCancel: () => void;
}

/** A new caller's file, made during the call: name, number, first address, notes. */
export function NewCustomerForm({ phone: initialPhone, onCreated, onCancel }: NewCustomerFormProps) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState(initialPhone);
  const [notes, setNotes] = useState('');
  const [address, setAddress] = useState<AddressDraft>(emptyAddress);
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<CustomerFieldErrors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const input = {
    name, phone, ...(notes.trim() ? { notes } : {}),
    address: { ...address, mapLink: address.mapLink.trim() === '' ? undefined : address.mapLink },
  };
  const parsed = createCustomerInput.safeParse(input);
  const clientErrors = checked ? addressErrors(address, parsed, t) : {};
  const errors = { ...serverErrors, ...clientErrors };
  const edit = <T,>(set: (v: T) => void) => (v: T) => { set(v); setServerErrors({}); };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    setProblem(null);
    if (!parsed.success || Object.keys(addressErrors(address, parsed, t)).length > 0) return;
    setBusy(true);
    try {
      const created = await api.customers.create.mutate(parsed.data);
      onCreated({ ...created, name: parsed.data.name });
    } catch (error) {
      const failure = toApiProblem(error);
      setServerErrors(customerFieldErrors(failure.fields, t));
      setProblem(failure.fields.length > 0 ? null : failure);
    } finally {
      setBusy(false);
    }
  }

  const fieldProps = (field: string) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `new-customer-${field}-error` : undefined,
  });
  return (
    <form className="panel new-customer" onSubmit={submit} aria-labelledby="new-customer-title" noValidate>
      <h3 id="new-customer-title">{t('customers.newTitle')}</h3>
      <div className="address-row">
        <div>
          <label htmlFor="new-customer-name">{t('customers.name')}</label>
          <input id="new-customer-name" value={name} onChange={(e) => edit(setName)(e.target.value)} maxLength={40} autoComplete="off" {...fieldProps('name')} />
          {errors.name && <p id="new-customer-name-error" className="error">{errors.name}</p>}
        </div>
        <div>
          <label htmlFor="new-customer-phone">{t('customers.phone')}</label>
          <input id="new-customer-phone" value={phone} onChange={(e) => edit(setPhone)(e.target.value)} inputMode="tel" autoComplete="off" {...fieldProps('phone')} />
          {errors.phone && <p id="new-customer-phone-error" className="error">{errors.phone}</p>}
        </div>
      </div>
      <div className="address-form-grid">
        <AddressFields idPrefix="new-customer-address" value={address} onChange={edit(setAddress)} errors={errors} />
        <AddressPreview draft={address} id="new-customer-preview" />
      </div>
      <label htmlFor="new-customer-notes">{t('customers.notes')}</label>
      <textarea id="new-customer-notes" rows={2} value={notes} onChange={(e) => edit(setNotes)(e.target.value)} maxLength={500}
        aria-describedby="new-customer-notes-hint" {...(errors.notes ? { 'aria-invalid': true } : {})} />
      <p id="new-customer-notes-hint" className="hint">{t('customers.notesHint')}</p>
      {errors.notes && <p className="error">{errors.notes}</p>}
      {checked && Object.keys(errors).length > 0 && <p role="alert" className="error">{t('customers.errors.form')}</p>}
      <ProblemAlert problem={problem} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>{busy ? t('customers.creating') : t('customers.create')}</button>
        <button type="button" onClick={onCancel}>{t('customers.cancel')}</button>
      </div>
    </form>
  );
}

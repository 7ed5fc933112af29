import { useEffect, useState } from 'react';
import { normalisePhone } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { useApiQuery } from '../../shell/use-api-query.js';
import { CustomerFileView } from './customer-file-view.js';
import { CustomerSearch } from './customer-search.js';
import { NewCustomerForm } from './new-customer-form.js';

interface CustomerPanelProps {
  /** The caller's number from a screen pop (`#/intake?phone=…`). */
  readonly callerPhone: string | undefined;
  readonly customerId: string | null;
  readonly onCustomer: (customerId: string | null) => void;
  readonly addressId: string | null;
  readonly onAddress: (addressId: string | null) => void;
  /** Bumped by the screen after an order, so the file shows it among the open ones. */
  readonly reloadKey: number;
  readonly errors: { readonly customerId?: string | undefined; readonly addressId?: string | undefined };
  /** Where the order will go, in words, for the order side to read back to the caller. */
  readonly onDeliverTo: (deliverTo: { name: string; label: string; text: string } | null) => void;
}

/**
 * The left half of a call: find the caller (or make their file), read the file, pick the address.
 * A screen pop with one match opens the file at once; with none, the new-customer form with the number.
 */
export function CustomerPanel({ callerPhone, customerId, onCustomer, addressId, onAddress, reloadKey, errors, onDeliverTo }: CustomerPanelProps) {
  const { t } = useI18n();
  const [text, setText] = useState(callerPhone ?? '');
  const [newFor, setNewFor] = useState<string | null>(null);
  /** What the agent just did to the file, said once: "已为 X 建立档案", "已新增地址". */
  const [notice, setNotice] = useState<string | null>(null);
  const file = useApiQuery(() => api.customers.file.query({ customerId: customerId! }), [customerId, reloadKey], { enabled: customerId !== null });

  useScreenPop(callerPhone, { setText, onCustomer, setNewFor });

  // The first address is where an order goes unless the agent picks another.
  const addresses = file.data?.customer.id === customerId ? file.data.addresses : null;
  // (Only while none is chosen: an address just added is chosen before the file reloads with it.)
  useEffect(() => {
    if (addresses && addressId === null && addresses[0]) onAddress(addresses[0].id);
  }, [addresses, addressId, onAddress]);
  const chosen = addresses?.find((a) => a.id === addressId);
  const name = file.data?.customer.name ?? '';
  useEffect(() => {
    onDeliverTo(chosen ? { name, label: chosen.label, text: chosen.text } : null);
  }, [chosen, name, onDeliverTo]);

  return (
    <section className="card customer-panel" aria-labelledby="customer-heading">
      <h2 id="customer-heading">{t('customers.file')}</h2>
      {notice && <p role="status" className="success">{notice}</p>}
      {customerId === null && newFor === null && (
        <CustomerSearch text={text} onText={setText} onOpen={(id) => { setNotice(null); onCustomer(id); }} onNew={() => setNewFor(digitsOf(text))} />
      )}
      {customerId === null && newFor !== null && (
        <NewCustomerForm
          phone={newFor}
          onCreated={(c) => { setNewFor(null); setNotice(t('customers.created', { name: c.name })); onCustomer(c.id); onAddress(c.addressId); }}
          onCancel={() => setNewFor(null)}
        />
      )}
      {customerId === null && errors.customerId && <p className="error">{errors.customerId}</p>}
      {customerId !== null && (
        <>
          <ProblemAlert problem={file.problem} />
          {!file.data && file.loading && <p className="muted" role="status">{t('customers.loading')}</p>}
          {file.data && file.data.customer.id === customerId && (
            <CustomerFileView
              file={file.data}
              chosenAddressId={addressId}
              onChooseAddress={onAddress}
              onAddressAdded={(address) => { setNotice(t('customers.addressSaved', { label: address.label })); onAddress(address.id); file.reload(); }}
              onChanged={file.reload}
              onClose={() => { setNotice(null); onCustomer(null); onAddress(null); }}
              addressError={errors.addressId}
            />
          )}
        </>
      )}
    </section>
  );
}

/** A number typed in the search box becomes the new customer's number; a name does not. */
function digitsOf(text: string): string {
  return /^[\d\s+\-()]+$/.test(text.trim()) ? text.trim() : '';
}

/** Opens what a screen pop's number points at: the one file, the new-customer form, or the list. */
function useScreenPop(
  phone: string | undefined,
  act: { setText: (text: string) => void; onCustomer: (id: string | null) => void; setNewFor: (phone: string | null) => void },
) {
  const { setText, onCustomer, setNewFor } = act;
  useEffect(() => {
    if (!phone) return;
    let current = true;
    setText(phone);
    onCustomer(null);
    setNewFor(null);
    void api.customers.search.query({ query: phone, limit: 10 }).then((found) => {
      if (!current) return;
      // Only the whole number opens a file by itself; partial matches are left to the agent to choose.
      const whole = normalisePhone(phone);
      const exact = found.filter((c) => c.phone === whole);
      if (exact.length === 1) onCustomer(exact[0]!.id);
      else if (found.length === 0) setNewFor(phone);
    }, () => undefined);
    return () => { current = false; };
  }, [phone, setText, onCustomer, setNewFor]);
}

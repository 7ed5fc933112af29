import { useState } from 'react';
import type { CustomerFile } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { AddressCards } from './address-cards.js';
import { formatPhone } from './customer-format.js';
import { CustomerNotes } from './customer-notes.js';
import { CustomerOrders } from './customer-orders.js';
import { MemberChip } from './member-chip.js';
import { NewAddressForm } from './new-address-form.js';

interface CustomerFileViewProps {
  readonly file: CustomerFile;
  readonly chosenAddressId: string | null;
  readonly onChooseAddress: (addressId: string) => void;
  readonly onAddressAdded: (address: { id: string; label: string }) => void;
  readonly onChanged: () => void;
  readonly onClose: () => void;
  readonly addressError: string | undefined;
}

/** 客户档案: who is calling, where they take deliveries, what is on its way and what came before. */
export function CustomerFileView({ file, chosenAddressId, onChooseAddress, onAddressAdded, onChanged, onClose, addressError }: CustomerFileViewProps) {
  const { t } = useI18n();
  const [addingAddress, setAddingAddress] = useState(false);
  const { customer } = file;
  return (
    <div className="customer-file">
      <div className="file-head">
        <p className="file-name">
          <strong>{customer.name}</strong>
          <span className="phone">{formatPhone(customer.phone)}</span>
          <MemberChip level={customer.memberLevel} />
        </p>
        <button type="button" onClick={onClose}>{t('customers.change')}</button>
      </div>
      <CustomerNotes customerId={customer.id} notes={customer.notes} updatedAt={customer.notesUpdatedAt} onSaved={onChanged} />
      <AddressCards addresses={file.addresses} chosenId={chosenAddressId} onChoose={onChooseAddress} error={addressError} />
      {addingAddress ? (
        <NewAddressForm
          customerId={customer.id}
          onSaved={(address) => { setAddingAddress(false); onAddressAdded(address); }}
          onCancel={() => setAddingAddress(false)}
        />
      ) : (
        <button type="button" className="add-address" onClick={() => setAddingAddress(true)}>+ {t('customers.newAddress')}</button>
      )}
      <CustomerOrders id="open-orders-heading" title={t('customers.openOrders')} empty={t('customers.noOpenOrders')} orders={file.openOrders} />
      <details className="past-orders">
        <summary>{t('customers.pastOrders')} ({file.pastOrders.length})</summary>
        <CustomerOrders id="past-orders-heading" title={t('customers.pastOrders')} empty={t('customers.noPastOrders')} orders={file.pastOrders} />
      </details>
    </div>
  );
}

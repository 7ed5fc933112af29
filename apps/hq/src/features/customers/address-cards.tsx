import type { CustomerAddress } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';

interface AddressCardsProps {
  readonly addresses: readonly CustomerAddress[];
  readonly chosenId: string | null;
  readonly onChoose: (addressId: string) => void;
  readonly error: string | undefined;
}

/** The customer's addresses as cards to pick from: where this order goes, and how sure its point is. */
export function AddressCards({ addresses, chosenId, onChoose, error }: AddressCardsProps) {
  const { t } = useI18n();
  return (
    <fieldset className="address-cards" aria-describedby={error ? 'address-choice-error' : 'address-choice-hint'}>
      <legend>{t('customers.deliverTo')}</legend>
      <p id="address-choice-hint" className="hint">{t('customers.deliverToHint')}</p>
      {addresses.length === 0 && <p className="notice">{t('customers.noAddresses')}</p>}
      <div className="address-card-list">
        {addresses.map((a) => {
          const vague = a.howLocated === 'district';
          return (
            <label key={a.id} className={`address-card${vague ? ' vague' : ''}`}>
              <input
                type="radio"
                name="delivery-address"
                value={a.id}
                checked={chosenId === a.id}
                onChange={() => onChoose(a.id)}
                aria-label={t('customers.chooseAddress', { label: a.label, text: a.text })}
              />
              <span className="address-card-body">
                <span className="address-card-head"><strong>{a.label}</strong> <span className="chip">{a.district || '—'}</span></span>
                <span className="address-text">{a.text}</span>
                <span className={`located located-${a.howLocated}`}>{t(`customers.how.${a.howLocated}`)}</span>
              </span>
            </label>
          );
        })}
      </div>
      {error && <p id="address-choice-error" className="error">{error}</p>}
    </fieldset>
  );
}

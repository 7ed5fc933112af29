import { shanghaiDistricts } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import type { CustomerFieldErrors } from './customer-field-errors.js';

/** A new address as the agent types it; kept as text until it is checked. */
export interface AddressDraft {
  readonly label: string;
  readonly district: string;
  readonly detail: string;
  readonly mapLink: string;
}

export const emptyAddress: AddressDraft = { label: '家', district: '', detail: '', mapLink: '' };

interface AddressFieldsProps {
  readonly idPrefix: string;
  readonly value: AddressDraft;
  readonly onChange: (value: AddressDraft) => void;
  readonly errors: CustomerFieldErrors;
}

/** Name, district and street, and an optional pasted map link: what an agent can get on the phone. */
export function AddressFields({ idPrefix, value, onChange, errors }: AddressFieldsProps) {
  const { t } = useI18n();
  const set = (field: keyof AddressDraft) => (e: { target: { value: string } }) => onChange({ ...value, [field]: e.target.value });
  const describe = (field: string, hint?: string) => [errors[field] ? `${idPrefix}-${field}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="address-fields">
      <div className="address-row">
        <div>
          <label htmlFor={`${idPrefix}-label`}>{t('customers.label')}</label>
          <input id={`${idPrefix}-label`} value={value.label} onChange={set('label')} placeholder={t('customers.labelPlaceholder')} maxLength={20}
            aria-invalid={errors.label ? true : undefined} aria-describedby={describe('label')} />
          <FieldError id={`${idPrefix}-label-error`} text={errors.label} />
        </div>
        <div>
          <label htmlFor={`${idPrefix}-district`}>{t('customers.district')}</label>
          <select id={`${idPrefix}-district`} value={value.district} onChange={set('district')}
            aria-invalid={errors.district ? true : undefined} aria-describedby={describe('district')}>
            <option value="">{t('customers.chooseDistrict')}</option>
            {shanghaiDistricts.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
          <FieldError id={`${idPrefix}-district-error`} text={errors.district} />
        </div>
      </div>
      <label htmlFor={`${idPrefix}-detail`}>{t('customers.detail')}</label>
      <input id={`${idPrefix}-detail`} value={value.detail} onChange={set('detail')} placeholder={t('customers.detailPlaceholder')} maxLength={160}
        aria-invalid={errors.detail ? true : undefined} aria-describedby={describe('detail')} />
      <FieldError id={`${idPrefix}-detail-error`} text={errors.detail} />
      <label htmlFor={`${idPrefix}-map-link`}>{t('customers.mapLink')}</label>
      <input id={`${idPrefix}-map-link`} value={value.mapLink} onChange={set('mapLink')} autoComplete="off" inputMode="url"
        aria-invalid={errors.mapLink ? true : undefined} aria-describedby={describe('mapLink', `${idPrefix}-map-link-hint`)} />
      <p id={`${idPrefix}-map-link-hint`} className="hint">{t('customers.mapLinkHint')}</p>
      <FieldError id={`${idPrefix}-mapLink-error`} text={errors.mapLink} />
    </div>
  );
}

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return text ? <p id={id} className="error">{text}</p> : null;
}

import { addressPoint, nearestDistrict, shanghaiDistricts, type AddressPoint, type ShanghaiDistrict } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import type { AddressDraft } from './address-fields.js';
import { formatCoordinate, formatDistance } from './customer-format.js';
import { nearestOpenStore, useStores } from './use-stores.js';

/** The draft's point as the server will save it (the same domain function), or null while incomplete. */
export function previewPoint(draft: AddressDraft): AddressPoint | null {
  const district = shanghaiDistricts.find((d) => d === draft.district);
  if (!district || (draft.detail.trim() === '' && draft.mapLink.trim() === '')) return null;
  return addressPoint({ district, detail: draft.detail, mapLink: draft.mapLink });
}

/**
 * Where the address will be put before it is saved: the coordinates, how they were found, the
 * nearest store and whether any store reaches it. Live, so the agent can fix it during the call.
 */
export function AddressPreview({ draft, id }: { draft: AddressDraft; id: string }) {
  const { t, locale } = useI18n();
  const stores = useStores();
  const result = previewPoint(draft);
  return (
    <div className="address-preview" id={id} aria-live="polite">
      <h4>{t('customers.preview')}</h4>
      {!result && <p className="muted">{t('customers.previewNone')}</p>}
      {result && !result.ok && <p className="error">{t(`customers.mapLinkProblem.${result.problem}`)}</p>}
      {result?.ok && (() => {
        const { point } = result;
        const nearest = nearestOpenStore(stores, point);
        const elsewhere = nearestDistrict(point);
        const exact = point.howLocated === 'map_link' || point.howLocated === 'pin';
        return (
          <>
            <p className={`located located-${point.howLocated}`}>{t(`customers.how.${point.howLocated}`)}</p>
            <p className="coordinates">{t('customers.coordinates', { lat: formatCoordinate(point.lat, locale), lng: formatCoordinate(point.lng, locale) })}</p>
            {nearest && (
              <p className={nearest.inRange ? 'in-range' : 'error'}>
                {exact
                  ? t('customers.nearestStore', { store: nearest.store.name, distance: formatDistance(nearest.km, locale) })
                  // A street's point is only good to about a kilometre: say so, to the half kilometre.
                  : t('customers.nearestStoreAbout', { store: nearest.store.name, distance: formatDistance(Math.max(0.5, Math.round(nearest.km * 2) / 2), locale) })}
                {nearest.inRange ? ` · ${t('customers.inRange')}` : ''}
              </p>
            )}
            {nearest && !nearest.inRange && <p className="error">{t('customers.outOfRange')}</p>}
            {exact && elsewhere.district !== (draft.district as ShanghaiDistrict) && elsewhere.km < 3 && (
              <p className="warning">{t('customers.districtMismatch', { district: elsewhere.district })}</p>
            )}
          </>
        );
      })()}
    </div>
  );
}

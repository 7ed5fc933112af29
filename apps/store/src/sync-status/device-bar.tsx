import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../i18n/i18n.js';
import { db, type MetaRow, type SyncState } from '../local-db/store-db.js';
import { ProofUploadsPending } from '../proof/proof-upload-state.js';
import { useNow } from '../shell/use-now.js';
import { useOnline } from './use-online.js';

type StatusRow = Extract<MetaRow, { key: 'status' }>;

/** The device bar: online or offline, actions and proof photos waiting, last successful sync. */
export function DeviceBar() {
  const { t } = useI18n();
  const online = useOnline();
  const now = useNow(10_000);
  const status = useLiveQuery(() => db.meta.get('status'), []) as StatusRow | undefined;
  const queued = useLiveQuery(() => db.outbox.count(), []) ?? 0;
  const oldest = useLiveQuery(() => db.outbox.orderBy('id').first(), []);
  const state: SyncState = !online ? 'offline' : (status?.state ?? 'connecting');
  const label = t(`sync.${state}`);
  return (
    <div className={`connection-bar ${state}`} role="status" aria-label={label}>
      <span className="dot" aria-hidden="true" />
      <strong>{label}</strong>
      <span className={queued > 0 ? 'queued' : 'muted'}>
        {queued > 0 ? t('sync.queued', { count: queued, age: ageText(t, now, oldest?.createdAt) }) : t('sync.nothingQueued')}
      </span>
      <ProofUploadsPending />
      <span className="muted last-sync">{status?.lastSyncedAt ? t('sync.lastSync', { age: ageText(t, now, status.lastSyncedAt) }) : t('sync.neverSynced')}</span>
    </div>
  );
}

function ageText(t: ReturnType<typeof useI18n>['t'], now: number, iso: string | undefined): string {
  if (!iso) return '';
  const minutes = Math.floor((now - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return t('age.justNow');
  if (minutes < 60) return t('age.minutes', { count: minutes });
  return t('age.hours', { count: Math.floor(minutes / 60) });
}

import { useLiveQuery } from 'dexie-react-hooks';
import { formatList, formatTimeAgo } from '@repo/i18n';
import { useI18n } from '../i18n/i18n.js';
import { db, type MetaRow, type OutboxEntry, type SyncState } from '../local-db/store-db.js';
import { ProofUploadsPending } from '../proof/proof-upload-state.js';
import { useNow } from '../shell/use-now.js';
import { useOnline } from './use-online.js';

type StatusRow = Extract<MetaRow, { key: 'status' }>;
type I18n = ReturnType<typeof useI18n>;

/** The device bar: online or offline, actions and proof photos waiting, last successful sync. */
export function DeviceBar() {
  const { t, locale } = useI18n();
  const online = useOnline();
  const now = useNow(10_000);
  const status = useLiveQuery(() => db.meta.get('status'), []) as StatusRow | undefined;
  const queues = useLiveQuery(queuesOnDevice, []);
  const queued = queues?.mine.length ?? 0;
  const oldest = queues?.mine[0];
  const state: SyncState = !online ? 'offline' : (status?.state ?? 'connecting');
  const label = t(`sync.${state}`);
  return (
    <div className={`connection-bar ${state}`} role="status" aria-label={label}>
      <span className="dot" aria-hidden="true" />
      <strong>{label}</strong>
      <span className={queued > 0 ? 'queued' : 'muted'}>
        {queued > 0 ? t('sync.queued', { count: queued, age: ageText(t, locale, now, oldest?.createdAt) }) : t('sync.nothingQueued')}
      </span>
      <ProofUploadsPending />
      <span className="muted last-sync">{status?.lastSyncedAt ? t('sync.lastSync', { age: ageText(t, locale, now, status.lastSyncedAt) }) : t('sync.neverSynced')}</span>
      {queues && queues.others.length > 0 && (
        <span className="held">{t('sync.heldForOthers', { count: queues.others.length, names: namesOf(t, locale, queues.others, queues.storeId) })}</span>
      )}
    </div>
  );
}

/**
 * The signed-in person's unsent actions, and everyone else's: on a shared handheld those wait for
 * their maker to sign in again (they are never sent as someone else).
 */
async function queuesOnDevice(): Promise<{ mine: OutboxEntry[]; others: OutboxEntry[]; storeId: string | null }> {
  const [session, entries] = await Promise.all([db.session.get('current'), db.outbox.orderBy('id').toArray()]);
  const isMine = (e: OutboxEntry) => e.userId === session?.user.id && e.storeId === session.user.storeId;
  return { mine: entries.filter(isMine), others: entries.filter((e) => !isMine(e)), storeId: session?.user.storeId ?? null };
}

/** "just now" under a minute, then minutes, then hours (Intl.RelativeTimeFormat). */
function ageText(t: I18n['t'], locale: I18n['locale'], now: number, iso: string | undefined): string {
  if (!iso) return '';
  const elapsed = now - new Date(iso).getTime();
  return elapsed < 60_000 ? t('age.justNow') : formatTimeAgo(elapsed, locale);
}

/** Colleagues by name; people of another store only as that (a store learns nothing of another's staff). */
function namesOf(t: I18n['t'], locale: I18n['locale'], entries: readonly OutboxEntry[], storeId: string | null): string {
  const names = entries.map((e) => (e.storeId === storeId ? (e.userName ?? e.userId) : t('sync.otherStoreAccount')));
  return formatList([...new Set(names)], locale);
}

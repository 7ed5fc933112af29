import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** What a PostgreSQL backend serving a transaction was doing when sampled. */
export type BackendActivity = 'waiting for a row lock' | 'flushing WAL at commit' | 'running a statement' | 'waiting for the Node process' | 'other wait';

/**
 * Samples pg_stat_activity of one database every few milliseconds until `stop`, and returns the
 * share of in-transaction samples per activity: tells lock contention from round trips and fsync.
 */
export async function sampleBackendActivity(url: string): Promise<{ stop(): Promise<Map<BackendActivity, number>> }> {
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  const counts = new Map<BackendActivity, number>();
  let sampling = true;
  const loop = (async () => {
    while (sampling) {
      const { rows } = await probe.query<{ state: string | null; type: string | null; event: string | null }>(
        `SELECT state, wait_event_type AS type, wait_event AS event FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      for (const row of rows) {
        const activity = classify(row);
        if (activity) counts.set(activity, (counts.get(activity) ?? 0) + 1);
      }
      await sleep(5);
    }
  })();
  return {
    async stop() {
      sampling = false;
      await loop;
      await probe.end();
      const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
      return new Map([...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, n / total]));
    },
  };
}

/** Null for a backend outside any transaction (an idle pooled connection). */
function classify({ state, type, event }: { state: string | null; type: string | null; event: string | null }): BackendActivity | null {
  if (state === 'idle') return null;
  if (type === 'Lock') return 'waiting for a row lock';
  if (type === 'IO' && (event === 'WALSync' || event === 'WALWrite')) return 'flushing WAL at commit';
  if (state === 'idle in transaction' || (type === 'Client' && event === 'ClientRead')) return 'waiting for the Node process';
  if (type === null) return 'running a statement';
  return 'other wait';
}

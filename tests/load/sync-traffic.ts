import type { Page, Request } from '@playwright/test';

/** One sync request seen from the page, in ms after `start(t0)`. */
export interface SyncExchange {
  readonly paths: readonly string[];
  readonly startMs: number;
  readonly endMs: number;
  readonly status: number | 'failed';
  readonly responseBytes: number;
}

/** Records the page's push and pull requests (tRPC may batch both into one) with their timing. */
export function recordSyncTraffic(page: Page) {
  let t0 = Date.now();
  const started = new Map<Request, number>();
  const done: Promise<SyncExchange>[] = [];
  const isSync = (r: Request) => /\/trpc\/[^?]*sync\.(push|pull)/.test(r.url());
  const onRequest = (r: Request) => isSync(r) && started.set(r, Date.now() - t0);
  const onEnd = (r: Request, failed: boolean) => {
    const startMs = started.get(r);
    if (startMs === undefined) return;
    const endMs = Date.now() - t0;
    done.push(describe(r, { startMs, endMs, failed }));
  };
  const onFinished = (r: Request) => onEnd(r, false);
  const onFailed = (r: Request) => onEnd(r, true);
  return {
    start(at: number) {
      t0 = at;
      page.on('request', onRequest);
      page.on('requestfinished', onFinished);
      page.on('requestfailed', onFailed);
    },
    /** Stops recording; resolves to the exchanges that ended, in start order. */
    async stop(): Promise<SyncExchange[]> {
      page.off('request', onRequest);
      page.off('requestfinished', onFinished);
      page.off('requestfailed', onFailed);
      return (await Promise.all(done)).sort((a, b) => a.startMs - b.startMs);
    },
  };
}

async function describe(r: Request, timing: { startMs: number; endMs: number; failed: boolean }): Promise<SyncExchange> {
  const paths = new URL(r.url()).pathname.replace(/^.*\/trpc\//, '').split(',');
  if (timing.failed) return { paths, startMs: timing.startMs, endMs: timing.endMs, status: 'failed', responseBytes: 0 };
  const response = await r.response();
  const sizes = await r.sizes().catch(() => ({ responseBodySize: 0 }));
  return { paths, startMs: timing.startMs, endMs: timing.endMs, status: response?.status() ?? 0, responseBytes: sizes.responseBodySize };
}

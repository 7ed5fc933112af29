import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DiskBlobStore } from '../blobs/disk-blob-store.js';
import { openDatabase, type OpenDatabase } from '../db/database.js';
import { paths } from '../env.js';
import { buildHttpServer } from '../http-server.js';
import { PostgresStorePokes } from '../postgres-store-pokes.js';
import { createPostgresDatabase, type FaultDatabase } from '../sync/fault/fault-database.js';
import { agentConsole, aCall, PopCollector, ring, testCtiSecret } from '../test/cti-switch.js';
import { seedTestChain, testServer } from '../test/test-chain.js';
import { describeWithDatabase, testDatabaseKind } from '../test/test-database.js';

// LISTEN/NOTIFY between processes is a PostgreSQL matter; PGlite has one process.
const describeOnPostgres: typeof describe = testDatabaseKind === 'postgres'
  ? describeWithDatabase
  : (((name: string, fn: () => void) => describe.skip(`${name} (PostgreSQL only: PGlite has one process)`, fn)) as typeof describe);

interface Instance { readonly opened: OpenDatabase; readonly pokes: PostgresStorePokes; readonly app: FastifyInstance; readonly baseUrl: string }

describeOnPostgres('[CT] a screen pop across two server instances on one PostgreSQL', () => {
  let database: FaultDatabase | undefined;
  const instances: Instance[] = [];
  const blobDir = mkdtempSync(path.join(os.tmpdir(), 'blobs-cti2-'));
  let token = '';

  /** One server as a process would run it: its own pool, its own LISTEN connection, its own HTTP port. */
  async function startInstance(url: string): Promise<Instance> {
    const opened = await openDatabase({ kind: 'postgres', url }, paths.migrations);
    const pokes = await PostgresStorePokes.start({ url, log: () => undefined });
    const { app } = await buildHttpServer({
      db: opened.db, pokes, blobs: new DiskBlobStore(blobDir), logLevel: 'warn', ctiSecret: testCtiSecret, dispatchTickSeconds: 3600,
      config: { sessionTtlHours: 12, offerTtlMinutes: 15, promiseMinutes: 60, undoWindowSeconds: 120, autoRedispatch: true },
    });
    return { opened, pokes, app, baseUrl: await app.listen({ port: 0, host: '127.0.0.1' }) };
  }

  beforeAll(async () => {
    database = await createPostgresDatabase(process.env.DATABASE_URL!);
    const url = database.serverEnv.DATABASE_URL;
    instances.push(await startInstance(url), await startInstance(url));
    await seedTestChain(instances[0]!.opened.db);
    const direct = testServer(instances[0]!.opened.db);
    token = await direct.login('hq');
  }, 60_000);

  afterAll(async () => {
    for (const { app, pokes, opened } of instances) {
      await app.close();
      await pokes.close();
      await opened.close();
    }
    await database?.dispose();
    rmSync(blobDir, { recursive: true, force: true });
  });

  test('[CT7] the agent signs in at an extension on B; a call posted to A pops on B', async () => {
    const [a, b] = instances as [Instance, Instance];
    const onB = agentConsole(b.baseUrl, token);
    expect(await onB.cti.setExtension.mutate({ extension: '8101' })).toEqual({ ok: true, extension: '8101' });
    const pops = new PopCollector(onB);
    await pops.started;
    try {
      const calls = [aCall('8101'), aCall('8101', { caller: '0086 139 1234 5678' })];
      for (const call of calls) {
        expect((await ring(a.baseUrl, call)).status).toBe(200);
        // How fast is the benchmark's matter (docs/benchmarks.md); here only that it arrives, pushed, not polled (5 s).
        const pop = await pops.waitFor(call.callId, 4_000);
        expect(pop.extension).toBe('8101');
      }
      expect(pops.pops.map((p) => p.caller)).toEqual(['13800138000', '13912345678']);
    } finally {
      pops.stop();
    }
  });

  test('[CT6] a replay sent to the other instance is refused just the same', async () => {
    const [a, b] = instances as [Instance, Instance];
    const call = aCall('8101');
    const body = JSON.stringify(call);
    const at = new Date();
    expect((await ring(a.baseUrl, call, { rawBody: body, signedAt: at })).status).toBe(200);
    expect(await ring(b.baseUrl, call, { rawBody: body, signedAt: at })).toMatchObject({ status: 401, body: { reason: 'REPLAY' } });
  });
});

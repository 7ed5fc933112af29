import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
// A fresh PGlite directory per run: the start script loads the demo chain into it.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'e2e-pglite-'));
// Workers inherit the environment, so the tests can look into the blob folder the server writes.
const blobDir = (process.env.E2E_BLOB_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'e2e-blobs-')));
const repoRoot = path.resolve(import.meta.dirname, '../..');
// The telephone system's shared secret: the server checks it, the CTI spec signs with it (workers inherit it).
const ctiSecret = (process.env.E2E_CTI_SECRET ??= `e2e-cti-${randomBytes(24).toString('hex')}`);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(repoRoot, 'test-results'),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // The README's start command, as a newcomer runs it.
    command: 'bash scripts/start.sh',
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BLOB_DIR: blobDir, LOG_LEVEL: 'warn', DATABASE_URL: '', CTI_SECRET: ctiSecret },
  },
});

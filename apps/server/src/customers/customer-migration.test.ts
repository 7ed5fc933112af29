import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { expect, test } from 'vitest';
import { openDatabase, rowsOf } from '../db/database.js';
import { paths } from '../env.js';
import { testDatabaseKind } from '../test/test-database.js';

/** The last migration before the customer's file; the test stops there, writes old rows, then goes on. */
const beforeFile = '0010_board';

// The migration's SQL is the same on both; the PGlite leg runs it from an older schema.
test.skipIf(testDatabaseKind !== 'pglite')('[CF9] the migration moves each customer\'s one address into their file, normalises numbers and drops the old columns', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  try {
    cpSync(paths.migrations, folder, { recursive: true });
    const journalPath = path.join(folder, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const upTo = journal.entries.findIndex((e) => e.tag === beforeFile);
    expect(upTo).toBeGreaterThan(0);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo + 1) }));
    const opened = await openDatabase({ kind: 'pglite' }, folder);
    try {
      await opened.db.execute(sql`INSERT INTO customers (id, name, phone, address, lat, lng) VALUES
        ('c-901', '老顾客', '138-0013-8000', '上海市浦东新区陆家嘴环路 500 号', 31.2397, 121.5005),
        ('5b0e0c1e-web', '网店顾客', '13900000000', '黄浦区 北京东路 1 号', 31.24, 121.48),
        ('c-odd', '外地', '13700000000', '北京路 1 号', 31.24, 121.48)`);
      await migrate(opened.db as never, { migrationsFolder: paths.migrations });
      const addresses = await rowsOf<Record<string, unknown>>(opened.db, sql`SELECT customer_id, label, text, district, lat, lng, how_located FROM customer_addresses ORDER BY customer_id`);
      // Demo customers (c-001 …) keep 'demo'; others came from a web order's map pin.
      expect(addresses).toEqual([
        { customer_id: '5b0e0c1e-web', label: '家', text: '黄浦区 北京东路 1 号', district: '黄浦区', lat: 31.24, lng: 121.48, how_located: 'pin' },
        { customer_id: 'c-901', label: '家', text: '上海市浦东新区陆家嘴环路 500 号', district: '浦东新区', lat: 31.2397, lng: 121.5005, how_located: 'demo' },
        { customer_id: 'c-odd', label: '家', text: '北京路 1 号', district: '', lat: 31.24, lng: 121.48, how_located: 'pin' },
      ]);
      const people = await rowsOf<Record<string, unknown>>(opened.db, sql`SELECT id, phone, notes, member_level FROM customers ORDER BY id`);
      expect(people).toEqual([
        { id: '5b0e0c1e-web', phone: '13900000000', notes: '', member_level: null },
        { id: 'c-901', phone: '13800138000', notes: '', member_level: null },
        { id: 'c-odd', phone: '13700000000', notes: '', member_level: null },
      ]);
      const columns = await rowsOf<{ column_name: string }>(opened.db, sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'customers'`);
      expect(columns.map((c) => c.column_name)).not.toContain('address');
    } finally {
      await opened.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 60_000);

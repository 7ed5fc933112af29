import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { keepConnection } from './keep-connection.js';
import { StoreDb } from './store-db.js';

test('[SY32] a newer schema opened elsewhere closes this connection and asks for a reload, instead of blocking it', async () => {
  const name = `versionchange-${crypto.randomUUID()}`;
  const current = new StoreDb(name);
  await current.open();
  let reloads = 0;
  keepConnection(current, () => reloads++);

  const newer = new Dexie(name);
  newer.version(100).stores({ outbox: 'id, orderId', extra: '++id' });
  await newer.open(); // would hang ("blocked") if the old connection stayed open
  expect(reloads).toBe(1);
  expect(current.isOpen()).toBe(false);
  newer.close();
  await Dexie.delete(name);
});

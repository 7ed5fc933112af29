import { afterAll, beforeAll, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.js';
import { codeOf, PASSWORD, seedTestChain, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';
import { users } from '../db/schema.js';
import { freeFailures } from './login-throttle.js';

describeWithDatabase(`[AU] accounts and sessions on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let server: TestServer;
  let clock = new Date('2026-11-23T08:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    server = testServer(database.db, () => clock);
  }, 60_000);
  afterAll(() => database?.close());

  test('[AU1] passwords are stored as scrypt hashes, never as text', async () => {
    const rows = await database.db.select({ hash: users.passwordHash }).from(users);
    for (const { hash } of rows) {
      expect(hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$/);
      expect(hash).not.toContain(PASSWORD);
    }
  });

  test('[AU2] a good login returns a bearer token that identifies the user and their store', async () => {
    const result = await server.caller().auth.login({ username: 'a.manager', password: PASSWORD });
    expect(result.user).toMatchObject({ role: 'store_manager', storeId: 'store-a' });
    expect(await server.caller(result.token).auth.me()).toMatchObject({ username: 'a.manager' });
  });

  test('[AU3] a wrong password and an unknown user get the same answer', async () => {
    const wrong = await server.caller().auth.login({ username: 'a.clerk', password: 'nope' }).catch((e: Error) => e.message);
    const unknown = await server.caller().auth.login({ username: 'ghost', password: 'nope' }).catch((e: Error) => e.message);
    expect(wrong).toBe(unknown);
  });

  test('[AU4] after five wrong passwords the account waits at that address, even with the right one (docs/security.md SEC22)', async () => {
    for (let i = 0; i < freeFailures.pair; i++) {
      expect(await codeOf(server.caller().auth.login({ username: 'b.clerk', password: 'wrong' }))).toBe('UNAUTHORIZED');
    }
    expect(await codeOf(server.caller().auth.login({ username: 'b.clerk', password: PASSWORD }))).toBe('TOO_MANY_REQUESTS');
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect(await codeOf(server.caller().auth.login({ username: 'b.clerk', password: PASSWORD }))).toBe('OK');
  });

  test('[AU5] a session stops working when it expires', async () => {
    const token = await server.login('hq');
    expect(await codeOf(server.caller(token).auth.me())).toBe('OK');
    clock = new Date(clock.getTime() + 12 * 3_600_000 + 1000);
    expect(await codeOf(server.caller(token).auth.me())).toBe('UNAUTHORIZED');
  });

  test('[AU6] logging out ends the session on the server', async () => {
    const token = await server.login('a.clerk');
    await server.caller(token).auth.logout();
    expect(await codeOf(server.caller(token).auth.me())).toBe('UNAUTHORIZED');
  });

  test('[AU7] a malformed login is refused with the field that is wrong', async () => {
    const error = await server.caller().auth.login({ username: '', password: 'x' }).catch((e: { code: string; cause: { issues: { path: string[] }[] } }) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((error as { cause: { issues: { path: string[] }[] } }).cause.issues[0]!.path).toEqual(['username']);
  });
});

import { afterAll, beforeEach, beforeAll, expect, test } from 'vitest';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import type { OpenDatabase } from '../db/database.js';
import { loginKnownAddresses, loginThrottles } from '../db/schema.js';
import { codeOf, PASSWORD, seedTestChain, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';
import { firstWaitMs, forgetAfterMs, freeFailures, longestWaitMs, waitAfterFailures } from './login-throttle.js';

describeWithDatabase(`[SEC] the sign-in limit on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let server: TestServer;
  let clock = new Date('2026-11-23T08:00:00Z');
  const login = (username: string, password: string, address = '10.0.0.1') =>
    server.caller(null, address).auth.login({ username, password });
  const later = (ms: number) => { clock = new Date(clock.getTime() + ms); };

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    server = testServer(database.db, () => clock);
  }, 60_000);
  beforeEach(async () => {
    await database.db.delete(loginThrottles);
    await database.db.delete(loginKnownAddresses);
  });
  afterAll(() => database?.close());

  test('[SEC20] wrong passwords sent all at once are counted one by one: only the free ones are checked', async () => {
    const codes = await Promise.all(Array.from({ length: 30 }, () => codeOf(login('a.clerk', 'wrong'))));
    expect(codes.filter((c) => c === 'UNAUTHORIZED')).toHaveLength(freeFailures.pair);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(30 - freeFailures.pair);
  });

  test('[SEC21] the right password inside a burst past the limit does not sign in', async () => {
    for (let i = 0; i < freeFailures.pair; i++) expect(await codeOf(login('a.clerk', 'wrong'))).toBe('UNAUTHORIZED');
    const burst = [...Array.from({ length: 10 }, () => login('a.clerk', 'wrong')), login('a.clerk', PASSWORD)];
    expect(await Promise.all(burst.map(codeOf))).toEqual(Array(11).fill('TOO_MANY_REQUESTS'));
  });

  test('[SEC22] the wait doubles with each further failure, up to 15 minutes, and the caller is told how long', async () => {
    expect([4, 5, 6, 7, 10, 30].map((n) => waitAfterFailures('pair', n))).toEqual([0, firstWaitMs, 2 * firstWaitMs, 4 * firstWaitMs, longestWaitMs, longestWaitMs]);
    for (let i = 0; i < freeFailures.pair; i++) await codeOf(login('a.clerk', 'wrong'));
    const error = await login('a.clerk', PASSWORD).catch((e: TRPCError) => e);
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', cause: { retryAfterMs: firstWaitMs } });
    later(firstWaitMs);
    expect(await codeOf(login('a.clerk', 'wrong'))).toBe('UNAUTHORIZED');
    later(firstWaitMs);
    expect(await codeOf(login('a.clerk', PASSWORD))).toBe('TOO_MANY_REQUESTS');
    later(firstWaitMs);
    expect(await codeOf(login('a.clerk', PASSWORD))).toBe('OK');
  });

  test('[SEC23] a stranger\'s failures never lock the person out of an address they signed in from before', async () => {
    await login('a.manager', PASSWORD, '10.1.1.1');
    // Many machines, a few guesses each: past the account-wide ceiling.
    for (let i = 0; i < freeFailures.account + 5; i++) await codeOf(login('a.manager', 'wrong', `198.51.100.${i}`));
    expect(await codeOf(login('a.manager', PASSWORD, '203.0.113.9'))).toBe('TOO_MANY_REQUESTS');
    expect(await codeOf(login('a.manager', PASSWORD, '10.1.1.1'))).toBe('OK');
    // And the stranger at one machine is held at that machine only.
    for (let i = 0; i < 10; i++) await codeOf(login('a.manager', 'wrong', '198.51.100.250'));
    expect(await codeOf(login('a.manager', PASSWORD, '198.51.100.250'))).toBe('TOO_MANY_REQUESTS');
    expect(await codeOf(login('a.manager', PASSWORD, '10.1.1.1'))).toBe('OK');
  }, 180_000);

  test('[SEC24] one address trying many accounts waits, even for an account it has not tried yet', async () => {
    for (let i = 0; i < freeFailures.address; i++) expect(await codeOf(login(`nobody${i}`, 'wrong', '192.0.2.7'))).toBe('UNAUTHORIZED');
    expect(await codeOf(login('b.clerk', PASSWORD, '192.0.2.7'))).toBe('TOO_MANY_REQUESTS');
    expect(await codeOf(login('b.clerk', PASSWORD, '192.0.2.8'))).toBe('OK');
  });

  test('[SEC25] a success starts the account afresh at that address, but does not wipe what strangers did', async () => {
    for (let i = 0; i < freeFailures.pair - 1; i++) await codeOf(login('b.manager', 'wrong', '10.2.2.2'));
    expect(await codeOf(login('b.manager', PASSWORD, '10.2.2.2'))).toBe('OK');
    for (let i = 0; i < freeFailures.pair - 1; i++) expect(await codeOf(login('b.manager', 'wrong', '10.2.2.2'))).toBe('UNAUTHORIZED');
    const [address] = await database.db.select().from(loginThrottles).where(eq(loginThrottles.key, 'address:10.2.2.2'));
    expect(address?.failures).toBe(2 * (freeFailures.pair - 1));
  });

  test('[SEC26] failures are forgotten a day after the last one', async () => {
    for (let i = 0; i < freeFailures.pair; i++) await codeOf(login('a.clerk', 'wrong'));
    expect(await codeOf(login('a.clerk', PASSWORD))).toBe('TOO_MANY_REQUESTS');
    later(forgetAfterMs + 1000);
    for (let i = 0; i < freeFailures.pair - 1; i++) expect(await codeOf(login('a.clerk', 'wrong'))).toBe('UNAUTHORIZED');
    expect(await codeOf(login('a.clerk', PASSWORD))).toBe('OK');
  });
});

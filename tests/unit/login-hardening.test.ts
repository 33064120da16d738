// What an attacker tries at the login and on accounts: walking around the rate limit with forged
// X-Forwarded-For addresses, flooding the limiter's table, telling existing user names from missing ones
// by the answer's timing, weak passwords, and a second `ADMIN` beside `admin`.
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, sql, SqliteDialect } from 'kysely';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../server/api/router.js';
import { createApp } from '../../server/app.js';
import { LoginRateLimiter } from '../../server/auth/rate-limit.js';
import { AccountError, createUser, ensureAdmin, loadSessionUser } from '../../server/auth/users.js';
import { openDb, type Db } from '../../server/db/connection.js';
import { migrations } from '../../server/db/migrations/index.js';

let db: Db;
const servers: Server[] = [];

function listen(limiter: LoginRateLimiter): string {
  const server = createApp(db, { loginLimiter: limiter }).listen(0);
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A login as if from `from`: the test talks from loopback, whose X-Forwarded-For the server believes. */
const login = (base: string, username: string, password: string, from?: string) =>
  fetch(`${base}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify({ username, password }),
  });

beforeAll(async () => {
  db = await openDb(':memory:');
  await ensureAdmin(db, 'correct-horse-1');
  await createUser(db, { username: 'reviewer1', password: 'long-enough-pw', role: 'reviewer' });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  await db.destroy();
});

describe('login rate limit', () => {
  it('limits an account whatever address the attempts claim to come from', async () => {
    const url = listen(new LoginRateLimiter({ perPair: 3, perAccount: 5, perAddress: 100, windowMs: 60_000 }));
    for (let i = 0; i < 5; i++) expect((await login(url, 'reviewer1', `guess-${i}`, `10.0.0.${i + 1}`)).status).toBe(401);
    const next = await login(url, 'reviewer1', 'long-enough-pw', '10.9.9.9');
    expect(next.status).toBe(429);
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThan(0);
    // Typed in capitals, it is the same account.
    expect((await login(url, 'REVIEWER1', 'long-enough-pw', '10.9.9.8')).status).toBe(429);
    // Another account is not locked by it.
    expect((await login(url, 'admin', 'correct-horse-1', '10.0.0.1')).status).toBe(200);
  });

  it('limits one address trying many accounts', async () => {
    const url = listen(new LoginRateLimiter({ perPair: 3, perAccount: 100, perAddress: 4, windowMs: 60_000 }));
    for (let i = 0; i < 4; i++) expect((await login(url, `nobody${i}`, 'whatever-pw', '192.168.5.5')).status).toBe(401);
    expect((await login(url, 'admin', 'correct-horse-1', '192.168.5.5')).status).toBe(429);
    expect((await login(url, 'admin', 'correct-horse-1', '192.168.5.6')).status).toBe(200);
  });

  it('keeps its table bounded under a flood of distinct names and addresses, and forgets failures after the window', () => {
    let now = 1_000_000;
    const limiter = new LoginRateLimiter({ perPair: 2, perAccount: 4, perAddress: 8, windowMs: 60_000, maxKeys: 300 }, () => now);
    for (let i = 0; i < 5000; i++) limiter.fail({ address: `10.${i >> 8}.${i & 255}.1`, account: `user${i}` });
    expect(limiter.size).toBeLessThanOrEqual(300);
    // The most recent failures are the ones kept.
    const last = { address: '10.19.135.1', account: 'user4999' };
    limiter.fail(last);
    expect(limiter.retryAfter(last)).toBeGreaterThan(0);
    now += 61_000;
    expect(limiter.retryAfter(last)).toBe(0);
  });
});

describe('login timing', () => {
  it('answers for a missing user name in about the time it takes for an existing one', async () => {
    const url = listen(new LoginRateLimiter({ perPair: 1000, perAccount: 1000, perAddress: 1000 }));
    await login(url, 'warm-up', 'x'); // the comparison hash is made on first use
    // Alternated, so that the load of whatever else the machine runs weighs on both alike.
    const times = { existing: [] as number[], missing: [] as number[] };
    for (let i = 0; i < 9; i++) {
      for (const [kind, username] of [['existing', 'reviewer1'], ['missing', 'no-such-user']] as const) {
        const t = performance.now();
        expect((await login(url, username, `wrong-password-${i}`)).status).toBe(401);
        times[kind].push(performance.now() - t);
      }
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[4]!;
    const existing = median(times.existing);
    const missing = median(times.missing);
    // Without a verification for missing names they answer 5–10× faster than existing ones.
    expect(missing / existing).toBeGreaterThan(0.5);
    expect(missing / existing).toBeLessThan(2);
  });
});

describe('passwords and user names', () => {
  const admin = { id: 1, username: 'admin', displayName: '管理员', role: 'admin' as const, unitId: null, unitName: null };
  const caller = () => appRouter.createCaller({ db, user: admin });
  const refusal = async (p: Promise<unknown>): Promise<{ code: string; message: string }> => {
    try {
      await p;
    } catch (e) {
      if (e instanceof TRPCError) return { code: e.code, message: e.message };
      throw e;
    }
    throw new Error('not refused');
  };

  it('refuses passwords of spaces, too short, or equal to the user name, in Chinese', async () => {
    expect(await refusal(caller().admin.createUser({ username: 'zhang', password: '        ', role: 'reviewer' }))).toEqual({ code: 'BAD_REQUEST', message: '密码不能为空或全是空格' });
    expect(await refusal(caller().admin.createUser({ username: 'zhang', password: '   abc    ', role: 'reviewer' }))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/至少 8 位/) });
    expect(await refusal(caller().admin.createUser({ username: 'zhang', password: 'abc', role: 'reviewer' }))).toEqual({ code: 'BAD_REQUEST', message: '密码至少 8 位' });
    expect(await refusal(caller().admin.createUser({ username: 'zhangsan01', password: 'ZhangSan01', role: 'reviewer' }))).toEqual({ code: 'BAD_REQUEST', message: '密码不能与用户名相同' });
    await expect(createUser(db, { username: 'lisi', password: 'lisi', role: 'reviewer' })).rejects.toBeInstanceOf(AccountError);
  });

  it('keeps user names unique without regard to case, and signs in by either spelling', async () => {
    expect(await refusal(caller().admin.createUser({ username: 'ADMIN', password: 'another-pass-1', role: 'admin' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('已存在'),
    });
    // Two requests at the same moment: one account, one refusal, no server error.
    const both = await Promise.allSettled([
      createUser(db, { username: 'Wang.Wu', password: 'wangwu-pass-1', role: 'reviewer' }),
      createUser(db, { username: 'wang.wu', password: 'wangwu-pass-2', role: 'reviewer' }),
    ]);
    expect(both.map((b) => b.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(both.find((b) => b.status === 'rejected')).toMatchObject({ reason: expect.any(AccountError) });
    const url = listen(new LoginRateLimiter());
    expect((await login(url, 'Admin', 'correct-horse-1')).status).toBe(200);
  });

  it('answers a submitter account for a unit that does not exist, and disabling a missing user, as errors in Chinese', async () => {
    expect(await refusal(caller().admin.createUser({ username: 'sub1', password: 'submitter-pw', role: 'submitter', unitId: 99999 }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('单位不存在'),
    });
    expect(await refusal(caller().admin.setDisabled({ id: 99999, disabled: true }))).toEqual({ code: 'NOT_FOUND', message: '用户不存在' });
    expect(await loadSessionUser(db, 99999)).toBeNull();
  });
});

describe('migration 017 on accounts that clash by case', () => {
  it('keeps the oldest account, renames the later ones, and forbids new clashes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-017-'));
    try {
      const file = path.join(dir, 'old.db');
      const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(file) }) });
      const before = Object.keys(migrations).filter((m) => m < '017');
      expect((await new Migrator({ db: old, provider: { getMigrations: async () => migrations } }).migrateTo(before.at(-1)!)).error).toBeUndefined();
      const row = (username: string) => ({ username, display_name: username, password_hash: 'x', role: 'reviewer', created_at: '2024-01-01' });
      await old.insertInto('users').values([row('admin'), row('ADMIN'), row('Admin'), row('bob')]).execute();
      await old.destroy();
      const upgraded = await openDb(file);
      try {
        const names = (await upgraded.selectFrom('users').select(['id', 'username']).orderBy('id').execute()).map((u) => u.username);
        expect(names).toEqual(['admin', 'ADMIN-2', 'Admin-3', 'bob']);
        await expect(sql`insert into users (username, display_name, password_hash, role, created_at) values ('BOB', 'b', 'x', 'reviewer', '2024')`.execute(upgraded)).rejects.toThrow(/UNIQUE/);
      } finally {
        await upgraded.destroy();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

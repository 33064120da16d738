import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { LoginRateLimiter } from '../../server/auth/rate-limit.js';
import { ensureAdmin } from '../../server/auth/users.js';
import type { Db } from '../../server/db/connection.js';
import { openFreshDb } from '../test-db.js';

let db: Db;
let server: Server;
let url: string;

beforeAll(async () => {
  db = await openFreshDb();
  await ensureAdmin(db, 'correct-horse-1');
  server = createApp(db, { loginLimiter: new LoginRateLimiter({ perPair: 3, windowMs: 60_000 }) }).listen(0);
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await db.destroy();
});

const login = (username: string, password: string) =>
  fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

function cookies(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    out[pair!.slice(0, i)] = pair!.slice(i + 1);
  }
  return out;
}

describe('login, session and CSRF', () => {
  it('creates the first administrator once, with a generated password when none is configured', async () => {
    const again = await ensureAdmin(db, undefined);
    expect(again).toEqual({ created: false, generatedPassword: null });
    const fresh = await openFreshDb();
    const first = await ensureAdmin(fresh, undefined);
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toMatch(/^[A-Za-z2-9]{16}$/);
    await fresh.destroy();
  });

  it('refuses anonymous API calls and wrong passwords in Chinese', async () => {
    const res = await fetch(`${url}/trpc/reports.list?input=${encodeURIComponent('{}')}`);
    expect(res.status).toBe(401);
    const bad = await login('admin', 'nope');
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toBe('用户名或密码错误');
  });

  it('logs in with httpOnly SameSite cookies, and mutations need the CSRF header', async () => {
    const res = await login('admin', 'correct-horse-1');
    expect(res.status).toBe(200);
    const raw = res.headers.getSetCookie().join('\n');
    expect(raw).toMatch(/yanpan_session=[^;]+;.*HttpOnly/i);
    expect(raw).toMatch(/SameSite=Strict/i);
    const c = cookies(res);
    const cookie = `yanpan_session=${c.yanpan_session}; yanpan_csrf=${c.yanpan_csrf}`;

    const me = await fetch(`${url}/trpc/auth.me`, { headers: { cookie } });
    expect(((await me.json()) as { result: { data: { username: string } } }).result.data.username).toBe('admin');

    const body = JSON.stringify({ username: 'reviewer1', password: 'long-enough-pw', role: 'reviewer' });
    const noCsrf = await fetch(`${url}/trpc/admin.createUser`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
    expect(noCsrf.status).toBe(403);
    const withCsrf = await fetch(`${url}/trpc/admin.createUser`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(c.yanpan_csrf!) },
      body,
    });
    expect(withCsrf.status).toBe(200);
    const log = await db.selectFrom('audit_log').select(['action', 'target']).execute();
    expect(log).toContainEqual({ action: 'user.create', target: 'reviewer1' });
  });

  it('rate-limits repeated failed logins for a user', async () => {
    for (let i = 0; i < 3; i++) expect((await login('reviewer1', `wrong-${i}`)).status).toBe(401);
    const limited = await login('reviewer1', 'long-enough-pw');
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: string }).error).toContain('登录失败次数过多');
    // Other accounts are not locked out by it.
    expect((await login('admin', 'correct-horse-1')).status).toBe(200);
  });
});

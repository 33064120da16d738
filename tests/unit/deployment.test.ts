// The server as a committee deploys it: headers that work over plain HTTP by default and HTTPS ones when
// told it is behind HTTPS (YANPAN_HTTPS=1), compressed answers, a health check for monitoring, and
// `yanpan serve --host` (else HOST, else all interfaces) choosing the address it listens on.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, VERSION } from '../../server/app.js';
import { ensureAdmin } from '../../server/auth/users.js';
import { openDb, type Db } from '../../server/db/connection.js';
import { deploymentFromEnv } from '../../server/deployment.js';
import { ingestSubmission } from '../../server/intake/ingest.js';
import { dashboardUrls } from '../../server/server.js';
import { reportText } from '../fixtures/batch.js';
import { REPO_ROOT } from '../shared-material.js';

let db: Db;
const servers: Server[] = [];

function listen(app: ReturnType<typeof createApp>): string {
  const server = app.listen(0);
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const login = (base: string) =>
  fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'deploy-admin-pw' }) });

beforeAll(async () => {
  db = await openDb(':memory:');
  await ensureAdmin(db, 'deploy-admin-pw');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  await db.destroy();
});

describe('security headers', () => {
  it('fit plain HTTP by default: no upgrade-insecure-requests, no HSTS, cookies without Secure', async () => {
    expect(deploymentFromEnv({})).toEqual({ https: false, trustProxy: 'loopback' });
    const url = listen(createApp(db, { deployment: deploymentFromEnv({}) }));
    const res = await login(url);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.getSetCookie().join('\n')).not.toMatch(/;\s*Secure/i);
  });

  it('add HSTS, upgrade-insecure-requests and Secure cookies behind HTTPS (YANPAN_HTTPS=1)', async () => {
    const deployment = deploymentFromEnv({ YANPAN_HTTPS: '1', YANPAN_TRUST_PROXY: '10.0.0.5' });
    expect(deployment).toEqual({ https: true, trustProxy: '10.0.0.5' });
    expect(deploymentFromEnv({ YANPAN_TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    const url = listen(createApp(db, { deployment }));
    const res = await login(url);
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const cookies = res.headers.getSetCookie();
    expect(cookies.length).toBe(2);
    for (const c of cookies) expect(c).toMatch(/;\s*Secure/i);
  });
});

describe('compression and health', () => {
  it('compresses large answers', async () => {
    const url = listen(createApp(db));
    const res = await login(url);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    // fetch asks for gzip and undoes it; the header says it came compressed.
    const filters = await fetch(`${url}/trpc/activity.categories`, { headers: { cookie, 'accept-encoding': 'gzip' } });
    expect(filters.status).toBe(200);
    expect(filters.headers.get('content-encoding')).toBe('gzip');
  });

  it('answers GET /api/health without a session and without secrets, and 503 when the database is gone', async () => {
    const url = listen(createApp(db));
    const res = await fetch(`${url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ ok: true, db: 'ok', version: VERSION });

    const gone = await openDb(':memory:');
    const broken = listen(createApp(gone));
    await gone.destroy();
    const down = await fetch(`${broken}/api/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, db: 'error', version: VERSION });
  });
});

describe('yanpan serve --host and HOST', () => {
  const freePort = () =>
    new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });

  /** A database that already has a report, so that serve seeds no demo data. */
  async function databaseWithAReport(): Promise<{ dir: string; dbFile: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-serve-'));
    const dbFile = path.join(dir, 'y.db');
    const seeded = await openDb(dbFile);
    await ingestSubmission(seeded, { fileName: '市统计局2024年上半年意识形态工作总结.txt', bytes: new TextEncoder().encode(reportText('市统计局', '2024年上半年', 2)) });
    await seeded.destroy();
    return { dir, dbFile };
  }

  const spawnServe = (dbFile: string, args: string[], env: Record<string, string> = {}) =>
    spawn('node', [path.join(REPO_ROOT, 'bin', 'yanpan.js'), 'serve', '--db', dbFile, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, YANPAN_ADMIN_PASSWORD: 'serve-admin-pw', HOST: '', ...env },
    });

  /** Starts `yanpan serve` on a database that already has a report (no demo seeding); resolves once it says where it listens. */
  async function serve(args: string[], env: Record<string, string> = {}): Promise<{ stderr: string; stop: () => void }> {
    const { dir, dbFile } = await databaseWithAReport();
    const child = spawnServe(dbFile, args, env);
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('研判看板已启动')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    return {
      stderr,
      stop: () => {
        child.kill('SIGTERM');
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  it('listens on the address given by --host, which wins over HOST', async () => {
    const port = await freePort();
    const server = await serve(['--host', '127.0.0.1', '--port', String(port)], { HOST: '0.0.0.0' });
    try {
      // Only the address asked for: not "localhost" and the machine's addresses, as for all interfaces.
      expect(server.stderr).toContain(`研判看板已启动：http://127.0.0.1:${port}（`);
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    } finally {
      server.stop();
    }
  }, 180_000);

  it('says in one Chinese line that the port is taken, and exits 2, instead of starting a server that does not listen', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    const { dir, dbFile } = await databaseWithAReport();
    try {
      const child = spawnServe(dbFile, ['--host', '127.0.0.1', '--port', String(port)]);
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(2);
      expect(stderr).toContain(`无法在 127.0.0.1:${port} 上启动看板：端口已被占用（EADDRINUSE）`);
      expect(stderr).not.toContain('研判看板已启动');
      expect(stderr).not.toMatch(/TypeError|at /);
    } finally {
      taken.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('names the machine’s addresses when it listens on all of them', () => {
    const urls = dashboardUrls({ address: '::', family: 'IPv6', port: 3000 });
    expect(urls[0]).toBe('http://localhost:3000');
    expect(urls.every((u) => u.endsWith(':3000'))).toBe(true);
    expect(dashboardUrls({ address: '10.1.2.3', family: 'IPv4', port: 8080 })).toEqual(['http://10.1.2.3:8080']);
  });
});

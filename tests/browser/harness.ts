// Starts the real server on a fresh database and a free port, and Debian's chromium via playwright-core.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CLIENT_DIST } from '../../server/app.js';
import type { Db } from '../../server/db/connection.js';
import { startServer } from '../../server/server.js';
import { REPO_ROOT } from '../shared-material.js';
import { freshDbLocation } from '../test-db.js';

export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

export const ADMIN_PASSWORD = 'browser-test-admin';

/** Signs in through the login page, as a user does. */
export async function login(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor();
}

export interface Harness {
  url: string;
  /** The server's database, for a test to store what it needs before opening a page. */
  db: Db;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /**
   * Opens the dashboard under this host name (mapped to 127.0.0.1 by Chromium's host resolver) rather
   * than 127.0.0.1: how a committee's intranet opens it, over plain HTTP by name.
   */
  hostName?: string;
  /** Signs in as the administrator before returning (default true). */
  signIn?: boolean;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  if (!fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) throw new Error('dist/client is missing: run `npm run build` first');
  process.env.YANPAN_ADMIN_PASSWORD = ADMIN_PASSWORD;
  // SQLite, or PostgreSQL with YANPAN_TEST_DIALECT=postgres and YANPAN_TEST_PG (tests/test-db.ts).
  const { server, db } = await startServer({ dbPath: await freshDbLocation(), port: 0, quiet: true });
  const url = `http://${opts.hostName ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      ...(opts.hostName ? [`--host-resolver-rules=MAP ${opts.hostName} 127.0.0.1`] : []),
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  // CI machines are small and busy: wait generously for what a user would also wait for.
  page.setDefaultTimeout(60_000);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  if (opts.signIn !== false) await login(page, url, 'admin', ADMIN_PASSWORD);
  return {
    url,
    db,
    browser,
    page,
    async close() {
      await browser.close();
      await new Promise<void>((r) => server.close(() => r()));
      await db.destroy();
    },
  };
}

/** Calls a tRPC query over HTTP with the page's session, to compare what the page shows with the API. */
export async function apiQuery<T>(h: Pick<Harness, 'page' | 'url'>, procedure: string, input?: unknown): Promise<T> {
  const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await h.page.request.get(`${h.url}/trpc/${procedure}${q}`);
  const body = (await res.json()) as { result: { data: T } };
  return body.result.data;
}

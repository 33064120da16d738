// Several serve processes share one PostgreSQL database: what one of them may do at a time (bringing
// stored data up to date, creating the first administrator, seeding) waits for the others, and two
// servers starting together on one database both come up with one administrator between them.
import type { Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../../server/db/connection.js';
import { exclusively } from '../../server/db/locks.js';
import { startServer } from '../../server/server.js';
import { seedTexts, storeText } from '../reuse-corpus.js';
import { freshDbLocation, TEST_DIALECT } from '../test-db.js';

describe.runIf(TEST_DIALECT === 'postgres')('work one process at a time on a shared database', () => {
  const open: Db[] = [];
  const servers: Server[] = [];
  afterAll(async () => {
    for (const s of servers) await new Promise((r) => s.close(r));
    for (const db of open) await db.destroy();
  });

  it('runs work under one name one after the other, from two connections pools as from two processes', async () => {
    const location = await freshDbLocation();
    const [a, b] = [await openDb(location), await openDb(location)];
    open.push(a, b);
    const spans: Array<[string, number, number]> = [];
    const work = (name: string, ms: number) => async () => {
      const start = performance.now();
      await new Promise((r) => setTimeout(r, ms));
      spans.push([name, start, performance.now()]);
    };
    const first = exclusively(a, 'startup', work('a', 400));
    await new Promise((r) => setTimeout(r, 50));
    await Promise.all([first, exclusively(b, 'startup', work('b', 10)), exclusively(b, 'other', work('other', 10))]);
    const at = Object.fromEntries(spans.map(([name, start, end]) => [name, { start, end }]));
    expect(at.b!.start).toBeGreaterThanOrEqual(at.a!.end);
    // Work under another name does not wait.
    expect(at.other!.start).toBeLessThan(at.a!.end);
  });

  it('starts two servers together on one database, with one administrator between them', async () => {
    const location = await freshDbLocation();
    const db = await openDb(location);
    open.push(db);
    // A stored report: no demo data to load.
    await storeText(db, seedTexts()[0]!);
    process.env.YANPAN_ADMIN_PASSWORD = 'two-servers-admin';
    const started = await Promise.all([startServer({ dbPath: location, port: 0, quiet: true }), startServer({ dbPath: location, port: 0, quiet: true })]);
    for (const s of started) {
      servers.push(s.server);
      open.push(s.db);
    }
    expect(await db.selectFrom('users').select('username').where('role', '=', 'admin').execute()).toEqual([{ username: 'admin' }]);
  }, 120_000);
});

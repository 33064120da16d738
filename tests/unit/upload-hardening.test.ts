// The upload path under attack and under load: what one request may unpack, how much a submitter may
// send, staged files that nobody commits, the same file committed twice at once, the audit of each file,
// deleted reports read by id, and what a submitter learns about another unit's identical report.
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../shared/roles.js';
import type { CommitLine, UploadBatch, UploadItem } from '../../shared/uploads.js';
import { appRouter } from '../../server/api/router.js';
import { createApp } from '../../server/app.js';
import { createSession, SESSION_COOKIE } from '../../server/auth/sessions.js';
import { createUser, ensureAdmin, loadSessionUser } from '../../server/auth/users.js';
import { openDb, type Db } from '../../server/db/connection.js';
import { ingestSubmission } from '../../server/intake/ingest.js';
import { createBatchDir, STAGING_TTL_MS, stagingRoot, sweepExpired, sweepStagingPeriodically } from '../../server/upload/staging.js';
import { reportText } from '../fixtures/batch.js';
import { makeZip } from '../fixtures/submissions.js';

interface Session {
  cookie: string;
  csrf: string;
  user: SessionUser;
}

let dir: string;
let db: Db;
const servers: Server[] = [];
let url: string;
let tightUrl: string;
const s = {} as Record<'admin' | 'reviewer' | 'submitter', Session>;

const utf8 = (t: string) => new TextEncoder().encode(t);
const report = (unit: string, n: number, period = '2024年上半年') => ({ name: `${unit}${period}意识形态工作总结.txt`, bytes: utf8(reportText(unit, period, n)) });

function listen(app: ReturnType<typeof createApp>): string {
  const server = app.listen(0);
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function sessionFor(userId: number): Promise<Session> {
  const { token, csrf } = await createSession(db, userId);
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf, user: (await loadSessionUser(db, userId))! };
}

async function upload(who: Session, files: Array<{ name: string; bytes: Uint8Array }>, base = url): Promise<{ status: number; body: UploadBatch & { error?: string } }> {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await fetch(`${base}/api/uploads`, { method: 'POST', headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, body: form });
  return { status: res.status, body: (await res.json()) as UploadBatch & { error?: string } };
}

let lastCommitHeaders: Headers | null = null;

async function commit(who: Session, batch: string, items: Array<Pick<UploadItem, 'id' | 'meta'>>): Promise<CommitLine[]> {
  const res = await fetch(`${url}/api/uploads/${batch}/commit`, {
    method: 'POST',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ items: items.map(({ id, meta }) => ({ id, meta })) }),
  });
  lastCommitHeaders = res.headers;
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CommitLine);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-upload-hard-'));
  db = await openDb(path.join(dir, 'y.db'));
  await ensureAdmin(db, 'hardening-admin-pw');
  await ingestSubmission(db, { fileName: report('市统计局', 1).name, bytes: report('市统计局', 1).bytes });
  await ingestSubmission(db, { fileName: report('市财政局', 2).name, bytes: report('市财政局', 2).bytes });
  const unit = await db.selectFrom('units').select('id').where('name', '=', '市统计局').executeTakeFirstOrThrow();
  const adminId = (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  s.admin = await sessionFor(adminId);
  s.reviewer = await sessionFor(await createUser(db, { username: 'reviewer', password: 'reviewer-pass-1', role: 'reviewer' }));
  s.submitter = await sessionFor(await createUser(db, { username: 'tongji', password: 'submitter-pw-1', role: 'submitter', unitId: unit.id }));
  url = listen(createApp(db, { files: { dataDir: dir } }));
  tightUrl = listen(createApp(db, { files: { dataDir: dir, limits: { maxUnpackedBytes: 64 * 1024 } } }));
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise<void>((r) => server.close(() => r()))));
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('what one request may cost', () => {
  it('unpacks the request’s archives up to its quota and refuses the rest by name', async () => {
    // Two archives of ten distinct 6 KB reports each: 120 KB unpacked against a 64 KB quota.
    const zipOf = (tag: string) => makeZip(Array.from({ length: 10 }, (_, i) => ({ name: `${tag}${i}.txt`, data: utf8(reportText(`市${tag}${i}局`, '2023年上半年', i).repeat(12)) })));
    const { status, body } = await upload(s.admin, [{ name: '第一批.zip', bytes: zipOf('甲') }, { name: '第二批.zip', bytes: zipOf('乙') }], tightUrl);
    expect(status).toBe(200);
    const accepted = body.items.filter((i) => i.problem === null);
    expect(accepted.reduce((n, i) => n + i.size, 0)).toBeLessThanOrEqual(64 * 1024);
    expect(accepted.length).toBeGreaterThan(0);
    const refused = body.items.filter((i) => i.problem !== null);
    expect(refused.length).toBeGreaterThan(5);
    for (const r of refused) expect(r.problem).toMatch(/上限/);
    expect(body.items).toHaveLength(refused.length + accepted.length);
  });

  it('lets a submitter send far fewer files and reports than a reviewer', async () => {
    const files = Array.from({ length: 21 }, (_, i) => report(`市统计局`, 100 + i, `${2000 + i}年上半年`));
    expect(await upload(s.submitter, files)).toMatchObject({ status: 413, body: { error: '一次最多上传 20 个文件，请分批上传' } });
    const reviewer = await upload(s.reviewer, files);
    expect(reviewer.status).toBe(200);
    const bigZip = makeZip(Array.from({ length: 150 }, (_, i) => ({ name: `报告${i}.txt`, data: utf8(reportText('市统计局', `${1900 + i}年上半年`, i)) })));
    const sub = await upload(s.submitter, [{ name: '全部.zip', bytes: bigZip }]);
    expect(sub.status).toBe(200);
    expect(sub.body.items).toEqual([expect.objectContaining({ fileName: '全部.zip', problem: expect.stringMatching(/150 个条目，超过 100 个的上限/) })]);
  });
});

describe('staged uploads nobody commits', () => {
  it('expire after two hours, swept on a timer as well as before each upload', async () => {
    expect(STAGING_TTL_MS).toBeLessThanOrEqual(2 * 3600_000);
    const root = stagingRoot(dir);
    const { id, dir: old } = await createBatchDir(root);
    const threeHoursAgo = new Date(Date.now() - 3 * 3600_000);
    fs.utimesSync(old, threeHoursAgo, threeHoursAgo);
    const { id: fresh } = await createBatchDir(root);
    const timer = sweepStagingPeriodically(root, 20);
    try {
      await expect.poll(() => fs.existsSync(old), { timeout: 5000 }).toBe(false);
      expect(fs.readdirSync(root)).toContain(fresh);
      expect(fs.readdirSync(root)).not.toContain(id);
    } finally {
      clearInterval(timer);
    }
    expect(await sweepExpired(root, Date.now() + STAGING_TTL_MS + 60_000)).toBeGreaterThan(0);
  });
});

describe('the same report committed twice at once', () => {
  it('stores it once and answers the other as a duplicate, not as a server error', async () => {
    const twin = report('市水务局', 7);
    const [a, b] = await Promise.all([ingestSubmission(db, { fileName: twin.name, bytes: twin.bytes }), ingestSubmission(db, { fileName: twin.name, bytes: twin.bytes })]);
    expect([a.status, b.status].sort()).toEqual(['duplicate', 'stored']);
    expect(a.status !== 'failed' && b.status !== 'failed' && a.reportId === b.reportId).toBe(true);

    const other = report('市林业局', 8);
    const first = await upload(s.admin, [other]);
    const second = await upload(s.admin, [other]);
    const [one, two] = await Promise.all([commit(s.admin, first.body.batch, first.body.items), commit(s.admin, second.body.batch, second.body.items)]);
    const statuses = [one[0], two[0]].map((l) => (l?.type === 'result' ? l.status : l?.type));
    expect(statuses.sort()).toEqual(['duplicate', 'stored']);
    expect([one.at(-1)?.type, two.at(-1)?.type]).toEqual(['done', 'done']);
  });
});

describe('the audit log', () => {
  it('has each uploaded file as it is stored, with its batch', async () => {
    const before = Number((await db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).where('action', '=', 'upload').executeTakeFirstOrThrow()).n);
    const { body } = await upload(s.admin, [report('市审计局', 9), { name: '空白.txt', bytes: new Uint8Array(0) }]);
    await commit(s.admin, body.batch, body.items);
    const rows = await db.selectFrom('audit_log').select(['target', 'detail']).where('action', '=', 'upload').orderBy('id').offset(before).limit(10).execute();
    expect(rows.map((r) => r.target).sort()).toEqual(['file:空白.txt', expect.stringMatching(/^report:\d+$/)]);
    const stored = rows.find((r) => r.target!.startsWith('report:'))!;
    expect(JSON.parse(stored.detail!)).toMatchObject({ batch: body.batch, file: report('市审计局', 9).name, status: 'stored' });
  });
});

describe('deleted reports', () => {
  it('are gone for reviewers and submitters by id, text, reuse and original; an administrator still opens them', async () => {
    const own = await upload(s.submitter, [report('市统计局', 10, '2022年下半年')]);
    const [line] = await commit(s.submitter, own.body.batch, own.body.items);
    const id = line?.type === 'result' && line.status === 'stored' ? line.reportId : -1;
    await appRouter.createCaller({ db, user: s.admin.user }).reports.delete({ id });
    for (const who of [s.reviewer, s.submitter]) {
      const caller = appRouter.createCaller({ db, user: who.user });
      await expect(caller.reports.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(caller.reports.reuse({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await fetch(`${url}/files/original/${id}`, { headers: { cookie: who.cookie } })).status).toBe(404);
    }
    await expect(appRouter.createCaller({ db, user: s.reviewer.user }).compare.pair({ a: id, b: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await appRouter.createCaller({ db, user: s.admin.user }).reports.get({ id })).deletedAt).not.toBeNull();
    expect((await fetch(`${url}/files/original/${id}`, { headers: { cookie: s.admin.cookie } })).status).toBe(200);
  });
});

describe('a submitter uploading another unit’s report', () => {
  it('learns that another unit has it, not which one, its title or its id', async () => {
    const theirs = report('市财政局', 2);
    const { body } = await upload(s.submitter, [theirs]);
    expect(body.items[0]!.duplicateOf).toEqual({ reportId: null, unit: '另一单位', title: null });
    const lines = await commit(s.submitter, body.batch, body.items);
    expect(lines[0]).toMatchObject({ type: 'result', status: 'duplicate', reportId: null });
    // Its own unit's report is named as before, and a reviewer sees whose the other one is.
    const mine = await upload(s.submitter, [report('市统计局', 1)]);
    expect(mine.body.items[0]!.duplicateOf).toMatchObject({ reportId: expect.any(Number), unit: '市统计局' });
    const reviewer = await upload(s.reviewer, [theirs]);
    expect(reviewer.body.items[0]!.duplicateOf).toMatchObject({ reportId: expect.any(Number), unit: '市财政局', title: expect.any(String) });
  });
});

describe('a failing database', () => {
  it('stops the batch (every later file would fail the same way), keeping what was stored and the batch staged', async () => {
    const { body } = await upload(s.admin, [report('市商务局', 11), report('市民政局', 12)]);
    const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0]!.page_count;
    // A database that cannot grow: SQLITE_FULL on the first insert.
    await sql.raw(`pragma max_page_count = ${pages}`).execute(db);
    let lines: CommitLine[];
    try {
      lines = await commit(s.admin, body.batch, body.items);
    } finally {
      await sql.raw('pragma max_page_count = 1073741823').execute(db);
    }
    expect(lines.at(-1)).toMatchObject({ type: 'error', error: expect.stringMatching(/入库中断/) });
    // A line per file as it is done: neither compressed nor held back by a proxy.
    expect(lastCommitHeaders?.get('cache-control')).toBe('no-store, no-transform');
    expect(lastCommitHeaders?.get('x-accel-buffering')).toBe('no');
    expect(fs.readdirSync(stagingRoot(dir))).toContain(body.batch);
  });
});

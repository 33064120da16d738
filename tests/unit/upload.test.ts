// The upload endpoint end to end: the real app on a free port with a temporary database, signed in
// through POST /api/login, the fixtures sent as multipart; each file must come out as the right text or
// the right refusal, and nothing may be half-stored (rows and files counted before and after).
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitLine, StageLine, UploadBatch, UploadItem } from '../../shared/uploads.js';
import { createApp } from '../../server/app.js';
import { createUser, ensureAdmin } from '../../server/auth/users.js';
import { openDb, type Db } from '../../server/db/connection.js';
import { expandArchive, isArchiveName } from '../../server/decode/index.js';
import { nonWhitespaceChars } from '../../server/intake/ingest.js';
import { originalPath, originalsDirIn, sha256Hex } from '../../server/intake/originals.js';
import { getReport } from '../../server/queries/reports.js';
import { createBatchDir, STAGING_TTL_MS, stagingRoot, sweepExpired } from '../../server/upload/staging.js';
import { type Expected, reportText, submissionCases } from '../fixtures/batch.js';
import { FORMAT_UNITS, formatFixture, formatReportText, ocrReady, scanPageImage } from '../fixtures/formats/reports.js';
import { cjkInOrder } from '../text-accuracy.js';
import { freshDbLocation } from '../test-db.js';
import { isPostgres } from '../../server/db/migrations/util.js';

interface Session {
  cookie: string;
  csrf: string;
}

/** Built once: a .docx written twice differs in its zip timestamps. */
const CASES = submissionCases();
const OCR = await ocrReady();

let dir: string;
let db: Db;
const servers: Server[] = [];
let url: string;
/** The same database behind limits lowered so the limit tests send kilobytes, not megabytes. */
let smallUrl: string;
let admin: Session;

function listen(app: ReturnType<typeof createApp>): string {
  const server = app.listen(0);
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function login(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  const jar = Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
  return { cookie: `yanpan_session=${jar.yanpan_session}; yanpan_csrf=${jar.yanpan_csrf}`, csrf: decodeURIComponent(jar.yanpan_csrf!) };
}

function form(files: Array<{ name: string; bytes: Uint8Array }>): FormData {
  const f = new FormData();
  for (const file of files) f.append('files', new Blob([new Uint8Array(file.bytes)]), file.name);
  return f;
}

async function upload(s: Session, files: Array<{ name: string; bytes: Uint8Array }>, base = url): Promise<{ status: number; body: UploadBatch & { error?: string } }> {
  const res = await fetch(`${base}/api/uploads`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, body: form(files) });
  return { status: res.status, body: (await res.json()) as UploadBatch & { error?: string } };
}

async function commit(s: Session, batch: string, items: Array<Pick<UploadItem, 'id' | 'meta'>>): Promise<CommitLine[]> {
  const res = await fetch(`${url}/api/uploads/${batch}/commit`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ items: items.map(({ id, meta }) => ({ id, meta })) }),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/ndjson/);
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CommitLine);
}

async function count(table: 'reports' | 'units' | 'sections' | 'figures' | 'reuse_fingerprints' | 'audit_log'): Promise<number> {
  const r = await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

const stagedBatches = (): string[] => (fs.existsSync(stagingRoot(dir)) ? fs.readdirSync(stagingRoot(dir)) : []);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-upload-'));
  db = await openDb(await freshDbLocation());
  await ensureAdmin(db, 'upload-admin-pw');
  url = listen(createApp(db, { files: { dataDir: dir } }));
  smallUrl = listen(createApp(db, { files: { dataDir: dir, limits: { maxFileBytes: 2048, maxRequestBytes: 16 * 1024, maxFiles: 3 } } }));
  admin = await login(url, 'admin', 'upload-admin-pw');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('POST /api/uploads and commit', () => {
  it('reads every fixture to the right text or the right refusal, stores nothing before the commit, then stores each report once', async () => {
    const cases = CASES;
    const expected = cases.flatMap((c) => c.expect);
    const { status, body } = await upload(
      admin,
      cases.map((c) => ({ name: c.fileName, bytes: c.bytes })),
    );
    expect(status).toBe(200);
    expect(body.items.map((i) => i.fileName).sort()).toEqual(expected.map((e) => e.file).sort());
    expect(await count('reports')).toBe(0);
    for (const e of expected) {
      const item = body.items.find((i) => i.fileName === e.file)!;
      if ('refused' in e) {
        expect(item.problem, e.file).toMatch(e.refused);
        continue;
      }
      expect(item.problem, e.file).toBeNull();
      expect(item).toMatchObject({ encoding: e.encoding, chars: nonWhitespaceChars(e.text), duplicateOf: null });
      expect(item.meta.unit, e.file).toBe(e.unit);
    }
    // The zip entries' own names carry their metadata, period included.
    expect(body.items.find((i) => i.fileName.endsWith('市水务局2023年上半年意识形态工作总结.txt'))!.meta).toMatchObject({ year: 2023, period: 'H1' });

    const lines = await commit(admin, body.batch, body.items);
    const results = lines.filter((l) => l.type === 'result');
    expect(results).toHaveLength(expected.length);
    for (const e of expected) {
      const r = results.find((l) => l.file === e.file);
      if ('refused' in e) expect(r).toMatchObject({ status: 'failed', error: expect.stringMatching(e.refused) });
      else expect(r, e.file).toMatchObject({ status: 'stored', reportId: expect.any(Number) });
    }
    const good = expected.filter((e): e is Exclude<Expected, { refused: RegExp }> => !('refused' in e));
    expect(lines.at(-1)).toEqual({ type: 'done', stored: good.length, duplicates: 0, failed: expected.length - good.length, pending: 0 });
    expect(await count('reports')).toBe(good.length);

    // The stored text is the decoded text exactly; the original is kept byte for byte beside it.
    const sent = new Map<string, Uint8Array>();
    for (const c of cases) {
      if (!isArchiveName(c.fileName)) sent.set(c.fileName, c.bytes);
      else for (const entry of (await expandArchive(c.bytes)).entries) sent.set(`${c.fileName}/${entry.path}`, entry.bytes);
    }
    for (const e of good) {
      const row = await db.selectFrom('reports as r').innerJoin('units as u', 'u.id', 'r.unit_id').innerJoin('report_texts as t', 't.report_id', 'r.id').select(['t.text', 'r.encoding', 'u.name', 'r.original_sha256', 'r.original_name']).where('r.file_name', '=', e.file).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ text: e.text, encoding: e.encoding, name: e.unit, original_name: path.posix.basename(e.file) });
      expect(new Uint8Array(fs.readFileSync(originalPath(originalsDirIn(dir), row.original_sha256!)))).toEqual(sent.get(e.file));
      expect(row.original_sha256).toBe(sha256Hex(sent.get(e.file)!));
    }
    // Committed: the staging folder is gone, and each file is in the audit log with its batch.
    expect(stagedBatches()).toEqual([]);
    const log = await db.selectFrom('audit_log').select(['action', 'target', 'detail']).where('action', '=', 'upload').execute();
    expect(log).toHaveLength(expected.length);
    for (const entry of log) expect(JSON.parse(entry.detail!)).toMatchObject({ batch: body.batch });
    expect(log.filter((l) => l.target?.startsWith('report:'))).toHaveLength(good.length);
  });

  it('names a stored duplicate at upload and answers duplicate at commit', async () => {
    const gbkCase = CASES.find((c) => c.label === 'GBK text')!;
    const stored = await db.selectFrom('reports').select('id').where('file_name', '=', gbkCase.fileName).executeTakeFirstOrThrow();
    const { body } = await upload(admin, [{ name: '重新报送.txt', bytes: gbkCase.bytes }]);
    expect(body.items[0]!.duplicateOf).toEqual({ reportId: stored.id, unit: '市财政局', title: expect.any(String) });
    const before = await count('reports');
    const lines = await commit(admin, body.batch, body.items);
    expect(lines[0]).toMatchObject({ type: 'result', status: 'duplicate', reportId: stored.id });
    expect(await count('reports')).toBe(before);
  });

  it('stores the metadata the user corrected, stores a report without a unit as pending, and fills a known unit’s department', async () => {
    const text = ['意识形态工作总结', '一、工作开展情况', '召开专题会议2次，开展专题学习6次，档案开放审核严格把关。'].join('\n');
    const other = ['工作总结', '一、工作开展情况', '召开专题会议1次，编印学习资料300份。'].join('\n');
    const { body } = await upload(admin, [
      { name: '总结.txt', bytes: new TextEncoder().encode(text) },
      { name: '无单位.txt', bytes: new TextEncoder().encode(other) },
    ]);
    const [first, second] = body.items;
    expect(first!.meta.unit).toBeNull();
    expect(first!.problem).toBeNull();
    const lines = await commit(admin, body.batch, [
      { id: first!.id, meta: { unit: '市档案局', department: '市委办', year: 2024, period: 'H1', title: '市档案局2024年上半年工作总结' } },
      { id: second!.id, meta: second!.meta },
    ]);
    const stored = lines.find((l) => l.type === 'result' && l.id === first!.id);
    expect(stored).toMatchObject({ status: 'stored' });
    // Nothing is refused for missing metadata: it waits in the 待补充信息 queue, out of every comparison.
    expect(lines.find((l) => l.type === 'result' && l.id === second!.id)).toMatchObject({ status: 'stored', pending: true });
    expect(lines.at(-1)).toMatchObject({ type: 'done', stored: 2, failed: 0, pending: 1 });
    const row = await db
      .selectFrom('reports as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .select(['u.name', 'u.department', 'r.year', 'r.period', 'r.title'])
      .where('r.id', '=', stored && stored.type === 'result' && stored.status === 'stored' ? stored.reportId : -1)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: '市档案局', department: '市委办', year: 2024, period: 'H1', title: '市档案局2024年上半年工作总结' });

    const again = await upload(admin, [{ name: '市档案局2024年下半年意识形态工作总结.txt', bytes: new TextEncoder().encode(reportText('市档案局', '2024年下半年', 5)) }]);
    expect(again.body.items[0]!.meta).toMatchObject({ unit: '市档案局', department: '市委办', year: 2024, period: 'H2' });
  });

  it('rolls a report back whole when storing it fails midway, fails that file alone and stores the others', async () => {
    // A failure inside the transaction, after the report row and its unit are written.
    if (isPostgres(db)) {
      await sql`create function fail_on_heading() returns trigger language plpgsql as $$
        begin if new.heading like '%触发回滚%' then raise exception 'test failure'; end if; return new; end $$`.execute(db);
      await sql`create trigger fail_on_heading after insert on sections for each row execute function fail_on_heading()`.execute(db);
    } else {
      await sql`create trigger fail_on_heading after insert on sections when new.heading like '%触发回滚%' begin select raise(abort, 'test failure'); end`.execute(db);
    }
    try {
      const good = reportText('市气象局', '2023年上半年', 11);
      const bad = ['市林业局2023年上半年意识形态工作总结', '一、触发回滚的一节', '召开专题会议5次。'].join('\n');
      const { body } = await upload(admin, [
        { name: '市气象局2023年上半年意识形态工作总结.txt', bytes: new TextEncoder().encode(good) },
        { name: '市林业局2023年上半年意识形态工作总结.txt', bytes: new TextEncoder().encode(bad) },
      ]);
      const before = { reports: await count('reports'), units: await count('units'), sections: await count('sections'), fingerprints: await count('reuse_fingerprints') };
      const lines = await commit(admin, body.batch, body.items);
      expect(lines[0]).toMatchObject({ type: 'result', status: 'stored' });
      expect(lines[1]).toMatchObject({ type: 'result', status: 'failed', error: expect.stringMatching(/意外错误/) });
      expect(lines.at(-1)).toEqual({ type: 'done', stored: 1, duplicates: 0, failed: 1, pending: 0 });
      expect(await count('reports')).toBe(before.reports + 1);
      expect(await count('units')).toBe(before.units + 1);
      expect(await db.selectFrom('units').select('id').where('name', '=', '市林业局').executeTakeFirst()).toBeUndefined();
      expect(await count('reuse_fingerprints')).toBe(before.fingerprints + 1);
      // The original the failed report wrote is taken back with it.
      const badSha = sha256Hex(new TextEncoder().encode(bad));
      expect(fs.existsSync(originalPath(originalsDirIn(dir), badSha))).toBe(false);
      // The batch is done: what failed is answered, the rest stored.
      expect(stagedBatches()).not.toContain(body.batch);
    } finally {
      if (isPostgres(db)) await sql`drop function fail_on_heading() cascade`.execute(db);
      else await sql`drop trigger fail_on_heading`.execute(db);
    }
  });
});

describe('upload limits, counted while streaming', () => {
  const kb = (n: number, fill = 0x41): Uint8Array => new Uint8Array(n * 1024).fill(fill);

  it('refuses a file over the per-file limit on its own and keeps the others', async () => {
    const small = new TextEncoder().encode(reportText('市粮食局', '2023年上半年', 3));
    const { status, body } = await upload(admin, [{ name: '大文件.txt', bytes: kb(10) }, { name: '市粮食局2023年上半年意识形态工作总结.txt', bytes: small }], smallUrl);
    expect(status).toBe(200);
    expect(body.items[0]).toMatchObject({ fileName: '大文件.txt', problem: '文件超过单个文件 2 KB 的上限，未接收' });
    expect(body.items[1]).toMatchObject({ problem: null, meta: { unit: '市粮食局' } });
    const staged = fs.readdirSync(path.join(stagingRoot(dir), body.batch));
    expect(staged.sort()).toEqual(['batch.json', 'upload-1']);
  });

  it('refuses a request over the total limit, from its declared length or from the bytes streamed, and leaves nothing behind', async () => {
    const before = { reports: await count('reports'), staged: stagedBatches().length };
    const declared = await upload(admin, [{ name: 'a.txt', bytes: kb(10) }, { name: 'b.txt', bytes: kb(10) }], smallUrl);
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatch(/超过 16 KB 的上限，请分批上传/);

    // The same body without a Content-Length: only counting the stream can stop it.
    const body = new Response(form([{ name: 'a.txt', bytes: kb(10) }, { name: 'b.txt', bytes: kb(10) }]));
    const type = body.headers.get('content-type')!;
    const bytes = new Uint8Array(await body.arrayBuffer());
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 1024) c.enqueue(bytes.subarray(i, i + 1024));
        c.close();
      },
    });
    const res = await fetch(`${smallUrl}/api/uploads`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': type },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe('本次上传超过 16 KB 的上限，请分批上传');
    expect(stagedBatches().length).toBe(before.staged);
    expect(await count('reports')).toBe(before.reports);
  });

  it('refuses more files than allowed, and uploads without a session or CSRF token', async () => {
    const files = [1, 2, 3, 4].map((n) => ({ name: `${n}.txt`, bytes: kb(1) }));
    const before = stagedBatches().length;
    const many = await upload(admin, files, smallUrl);
    expect(many).toMatchObject({ status: 413, body: { error: '一次最多上传 3 个文件，请分批上传' } });
    expect(stagedBatches().length).toBe(before);
    const anonymous = await fetch(`${url}/api/uploads`, { method: 'POST', body: form(files) });
    expect(anonymous.status).toBe(401);
    const noCsrf = await fetch(`${url}/api/uploads`, { method: 'POST', headers: { cookie: admin.cookie }, body: form(files) });
    expect(noCsrf.status).toBe(403);
  });

  it('expires staged batches after their time to live', async () => {
    const { id } = await createBatchDir(stagingRoot(dir));
    expect(await sweepExpired(stagingRoot(dir), Date.now())).toBe(0);
    expect(stagedBatches()).toContain(id);
    await sweepExpired(stagingRoot(dir), Date.now() + STAGING_TTL_MS + 60_000);
    expect(stagedBatches()).toEqual([]);
  });
});

describe('submitters and the original file', () => {
  let own: Session;
  let stranger: Session;
  let reportId: number;

  beforeAll(async () => {
    const unit = await db.selectFrom('units').select('id').where('name', '=', '市统计局').executeTakeFirstOrThrow();
    const otherUnit = await db.selectFrom('units').select('id').where('name', '=', '市财政局').executeTakeFirstOrThrow();
    await createUser(db, { username: 'tongji', password: 'submitter-pw-1', role: 'submitter', unitId: unit.id });
    await createUser(db, { username: 'caizheng', password: 'submitter-pw-2', role: 'submitter', unitId: otherUnit.id });
    own = await login(url, 'tongji', 'submitter-pw-1');
    stranger = await login(url, 'caizheng', 'submitter-pw-2');
    reportId = (await db.selectFrom('reports').select('id').where('file_name', '=', '市统计局2023年上半年意识形态工作总结.docx').executeTakeFirstOrThrow()).id;
  });

  it('files a submitter’s upload under its own unit whatever the file or the commit says', async () => {
    const { body } = await upload(own, [{ name: '市审计局2024年上半年意识形态工作总结.txt', bytes: new TextEncoder().encode(reportText('市审计局', '2024年上半年', 12)) }]);
    expect(body.items[0]!.meta.unit).toBe('市统计局');
    const lines = await commit(own, body.batch, [{ id: body.items[0]!.id, meta: { ...body.items[0]!.meta, unit: '市审计局' } }]);
    const r = lines[0]!;
    expect(r).toMatchObject({ type: 'result', status: 'stored' });
    const unit = await db.selectFrom('reports as r').innerJoin('units as u', 'u.id', 'r.unit_id').select('u.name').where('r.id', '=', r.type === 'result' && r.status === 'stored' ? r.reportId : -1).executeTakeFirstOrThrow();
    expect(unit.name).toBe('市统计局');
    // Another user cannot commit this user's batch.
    const second = await upload(own, [{ name: '市统计局2025年上半年意识形态工作总结.txt', bytes: new TextEncoder().encode(reportText('市统计局', '2025年上半年', 13)) }]);
    const res = await fetch(`${url}/api/uploads/${second.body.batch}/commit`, {
      method: 'POST',
      headers: { cookie: stranger.cookie, 'x-csrf-token': stranger.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ id: 0, meta: second.body.items[0]!.meta }] }),
    });
    expect(res.status).toBe(404);
  });

  it('downloads the original with its Chinese name, for its own unit only, and writes the export to the audit log', async () => {
    const res = await fetch(`${url}/files/original/${reportId}`, { headers: { cookie: own.cookie } });
    expect(res.status).toBe(200);
    // RFC 5987: an ASCII fallback for old clients, then the UTF-8 name.
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.docx"; /);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('市统计局2023年上半年意识形态工作总结.docx')}`);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(CASES[0]!.bytes);
    const log = await db.selectFrom('audit_log').select(['username', 'target']).where('action', '=', 'export').execute();
    expect(log).toContainEqual({ username: 'tongji', target: `original:${reportId}` });

    expect((await fetch(`${url}/files/original/${reportId}`, { headers: { cookie: stranger.cookie } })).status).toBe(404);
    expect((await fetch(`${url}/files/original/${reportId}`)).status).toBe(401);
    expect((await fetch(`${url}/files/original/999999`, { headers: { cookie: admin.cookie } })).status).toBe(404);
  });
});

describe('scans through the upload', () => {
  const OCR_NAME = `${FORMAT_UNITS.scan.unit}2023年度落实意识形态工作责任制情况报告.pdf`;

  it.skipIf(!OCR)('reads a scan page by page as JSON Lines, then stores what was read without reading it again, marked as OCR', async () => {
    const res = await fetch(`${url}/api/uploads`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, accept: 'application/x-ndjson' },
      body: form([{ name: OCR_NAME, bytes: formatFixture('report-scan.pdf') }]),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/ndjson/);
    const lines = (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as StageLine);
    expect(lines.slice(0, -1)).toEqual([
      { type: 'progress', file: OCR_NAME, page: 1, pages: 2 },
      { type: 'progress', file: OCR_NAME, page: 2, pages: 2 },
    ]);
    const last = lines.at(-1)!;
    if (last.type !== 'batch') throw new Error(`expected the batch, got ${JSON.stringify(last)}`);
    const item = last.batch.items[0]!;
    expect(item).toMatchObject({ encoding: 'ocr', problem: null, meta: { unit: FORMAT_UNITS.scan.unit, year: 2023 } });
    expect(item.warnings).toEqual([expect.stringMatching(/^识别自扫描件（共 2 页，文字识别平均置信度 \d+%/)]);

    // With OCR switched off now, the commit still stores the scan: it uses what staging read.
    const saved = process.env.YANPAN_OCR;
    process.env.YANPAN_OCR = 'off';
    let committed: CommitLine[];
    try {
      committed = await commit(admin, last.batch.batch, [item]);
    } finally {
      if (saved === undefined) delete process.env.YANPAN_OCR;
      else process.env.YANPAN_OCR = saved;
    }
    const stored = committed[0]!;
    if (stored.type !== 'result' || stored.status !== 'stored') throw new Error(`not stored: ${JSON.stringify(stored)}`);
    const report = await getReport(db, stored.reportId);
    expect(report).toMatchObject({ encoding: 'ocr', chars: item.chars, ocr: { engine: expect.stringMatching(/^tesseract/), pages: 2 } });
    expect(report!.ocr!.confidence).toBeGreaterThan(0.8);
    expect(cjkInOrder(formatReportText(FORMAT_UNITS.scan), report!.text)).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it.skipIf(!OCR)('refuses the scans past the upload’s OCR page budget by name, and reads the others', async () => {
    const tightUrl = listen(createApp(db, { files: { dataDir: dir, limits: { maxOcrPages: 1 } } }));
    const { status, body } = await upload(
      admin,
      [
        { name: '扫描件.pdf', bytes: formatFixture('report-scan.pdf') },
        { name: `${FORMAT_UNITS.scan.unit}第2页.png`, bytes: scanPageImage('png') },
      ],
      tightUrl,
    );
    expect(status).toBe(200);
    expect(body.items[0]).toMatchObject({ fileName: '扫描件.pdf', problem: '需要文字识别 2 页，超出本次上传剩余的 1 页识别额度（每次上传最多识别 1 页）；请将扫描件分批上传' });
    expect(body.items[1]).toMatchObject({ encoding: 'ocr', problem: null });
  }, 120_000);
});

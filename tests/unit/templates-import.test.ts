// The template library's two doors: `yanpan templates import` (files, folders, zips; --title, --source,
// --kind; the contract's {"templates","duplicates","failed"} and exit codes) and POST /api/templates (a
// reviewer's upload; submitters refused). A template added after the reports marks them: the sample that
// holds its text gets template spans naming it in `yanpan reuse`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateUploadAnswer } from '../../shared/templates.js';
import type { ReportReuse } from '../../shared/types.js';
import { createApp } from '../../server/app.js';
import { createUser, ensureAdmin } from '../../server/auth/users.js';
import { openDb } from '../../server/db/connection.js';
import { REPO_ROOT, SEED_SAMPLES_DIR } from '../shared-material.js';

let dir: string;
let dbPath: string;
/** Two paragraphs of sample 001, as a template site would have published them. */
let templateText: string;

function yanpan(...args: string[]) {
  const r = spawnSync('node', [path.join(REPO_ROOT, 'bin', 'yanpan.js'), ...args, '--db', dbPath], { encoding: 'utf8', cwd: REPO_ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-templates-'));
  dbPath = path.join(dir, 'y.db');
  const sample = fs.readFileSync(path.join(SEED_SAMPLES_DIR, '001_1973e543c9b997a8.txt'), 'utf8').replace(/\r\n/g, '\n');
  const paragraphs = sample.split('\n').filter((p) => p.replace(/\s/g, '').length >= 120).slice(1, 3);
  templateText = `意识形态工作总结范文\n${paragraphs.join('\n')}\n`;
  fs.writeFileSync(path.join(dir, 'model.txt'), templateText);
  fs.writeFileSync(path.join(dir, 'short.txt'), '只有一句话。');
  expect(yanpan('ingest', SEED_SAMPLES_DIR).status).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('yanpan templates import', () => {
  it('adds a template with its title and source, marks the stored report that took its text, and stores it once', () => {
    const r = yanpan('templates', 'import', path.join(dir, 'model.txt'), '--title', '通用范文', '--source', 'https://fanwen.example.com/a.html');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ templates: 1, duplicates: 0, failed: [] });

    const lines = yanpan('reuse').stdout.trim().split('\n').map((l) => JSON.parse(l) as ReportReuse);
    const sample = lines.find((l) => l.file === '001_1973e543c9b997a8.txt')!;
    const spans = sample.spans.filter((s) => s.kind === 'template');
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) for (const src of s.sources) expect(src).toMatchObject({ template: expect.any(String), title: '通用范文', kind: 'model', start: expect.any(Number), end: expect.any(Number) });
    expect(sample.rates.template).toBeGreaterThan(0.05);
    const { reuse, stock, copied, shared, self, template } = sample.rates;
    expect(reuse).toBeCloseTo(stock + copied + shared + self + template, 10);

    const list = yanpan('templates', 'list').stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(list).toEqual([expect.objectContaining({ title: '通用范文', kind: 'model', source: 'https://fanwen.example.com/a.html', reports: expect.any(Number) })]);
    expect(list[0].reports).toBeGreaterThanOrEqual(1);

    const again = yanpan('templates', 'import', path.join(dir, 'model.txt'));
    expect(JSON.parse(again.stdout)).toEqual({ templates: 0, duplicates: 1, failed: [] });
  });

  it('takes a zip of several and a superior’s document; one bad file fails alone (exit 1), nothing good: exit 2', () => {
    const zip = path.join(dir, 'lib.zip');
    const other = templateText.replace('意识形态工作总结范文', '上级文件').split('\n').slice(0, 2).join('\n') + '\n本通知自印发之日起施行，请各单位认真抓好贯彻落实，并将落实情况按时报送。';
    fs.writeFileSync(zip, zipSync({ '上级文件.txt': strToU8(other), '说明.doc': strToU8('not a report') }));
    const r = yanpan('templates', 'import', zip, '--kind', '上级文件');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { templates: number; failed: Array<{ file: string; error: string }> };
    expect(out.templates).toBe(1);
    expect(out.failed.map((f) => f.file)).toEqual(['lib.zip/说明.doc']);
    expect(r.stderr).toContain('lib.zip/说明.doc');
    const bad = yanpan('templates', 'import', path.join(dir, 'short.txt'));
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).failed[0].error).toMatch(/文字过少/);
  });

  it('refuses a source that is not a web address and an unknown kind (usage, exit 2)', () => {
    expect(yanpan('templates', 'import', path.join(dir, 'model.txt'), '--source', 'javascript:alert(1)').status).toBe(2);
    expect(yanpan('templates', 'import', path.join(dir, 'model.txt'), '--kind', '文件').status).toBe(2);
  });
});

describe('POST /api/templates', () => {
  let server: Server;
  let url: string;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  beforeAll(async () => {
    const db = await openDb(path.join(dir, 'web.db'));
    await ensureAdmin(db, 'templates-admin-pw');
    const unit = await db.insertInto('units').values({ name: '市某局', department: null }).returning('id').executeTakeFirstOrThrow();
    await createUser(db, { username: 'unit', displayName: '报送人', password: 'unit-password-1', role: 'submitter', unitId: unit.id });
    server = createApp(db, { files: { dataDir: dir } }).listen(0);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const [user, pw] of [
      ['admin', 'templates-admin-pw'],
      ['unit', 'unit-password-1'],
    ] as const) {
      const res = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: pw }) });
      const jar = Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
      sessions[user] = { cookie: `yanpan_session=${jar.yanpan_session}; yanpan_csrf=${jar.yanpan_csrf}`, csrf: decodeURIComponent(jar.yanpan_csrf!) };
    }
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  const post = async (who: string, query: string, files: Array<[string, string]>) => {
    const form = new FormData();
    for (const [name, text] of files) form.append('files', new Blob([text]), name);
    const res = await fetch(`${url}/api/templates?${query}`, { method: 'POST', headers: { cookie: sessions[who]!.cookie, 'x-csrf-token': sessions[who]!.csrf }, body: form });
    return { status: res.status, body: (await res.json()) as TemplateUploadAnswer & { error?: string } };
  };

  it('adds a reviewer’s upload with kind, title and source, answers each file, and leaves no staged files', async () => {
    const r = await post('admin', `kind=directive&title=${encodeURIComponent('上级通知')}&source=${encodeURIComponent('https://www.example.com/t.html')}`, [
      ['a.txt', templateText],
      ['b.txt', '短'],
    ]);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ templates: 1, duplicates: 0, failed: [{ file: 'b.txt' }] });
    expect(r.body.results[0]).toMatchObject({ status: 'stored', title: '上级通知（a）', kind: 'directive' });
    expect(fs.readdirSync(path.join(dir, 'staging'))).toEqual([]);
  });

  it('refuses a submitter and a source that is not a web address', async () => {
    expect((await post('unit', 'kind=model', [['a.txt', templateText]])).status).toBe(403);
    const bad = await post('admin', `source=${encodeURIComponent('javascript:alert(1)')}`, [['a.txt', templateText]]);
    expect([bad.status, bad.body.error]).toEqual([400, '来源网址应以 http:// 或 https:// 开头']);
  });
});

// One file that breaks something unforeseen — a decoder throwing a RangeError rather than a DecodeError —
// fails that file only: in a batch, in the upload's staging and commit, and in `yanpan ingest`, the
// other files are stored, the user gets a Chinese message, the log one line with the reason.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommitLine, UploadBatch } from '../../shared/uploads.js';
import { createApp } from '../../server/app.js';
import { createSession, SESSION_COOKIE } from '../../server/auth/sessions.js';
import { ensureAdmin } from '../../server/auth/users.js';
import { openDb, type Db } from '../../server/db/connection.js';
import { ingestBatch, UNEXPECTED_FAILURE } from '../../server/intake/batch.js';
import { reportText } from '../fixtures/batch.js';
import { FAILURE_MARKER } from '../fixtures/failing-decoder/failure.js';
import { makeDocx, makeZip, para } from '../fixtures/submissions.js';
import { REPO_ROOT } from '../shared-material.js';

vi.mock(import('../../server/decode/docx.js'), async (importOriginal) => {
  const real = await importOriginal();
  const { failingOnMarker } = await import('../fixtures/failing-decoder/failure.js');
  return { ...real, decodeDocx: failingOnMarker(real.decodeDocx) };
});

const utf8 = (s: string) => new TextEncoder().encode(s);
const crashing = (unit: string) =>
  makeDocx({ body: [para(`${unit}2024年上半年意识形态工作总结`), para(FAILURE_MARKER), para('一、工作开展情况'), para('召开专题会议3次。')].join('') });
const good = (unit: string, n: number) => ({ name: `${unit}2024年上半年意识形态工作总结.txt`, bytes: utf8(reportText(unit, '2024年上半年', n)) });

let dir: string;
let db: Db;
let server: Server;
let url: string;
let session: { cookie: string; csrf: string };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-perfile-'));
  db = await openDb(path.join(dir, 'y.db'));
  await ensureAdmin(db, 'perfile-admin-pw');
  const admin = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  const s = await createSession(db, admin.id);
  session = { cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrf };
  server = createApp(db, { files: { dataDir: dir } }).listen(0);
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

function logged(spy: { mock: { calls: unknown[][] } }): string[] {
  return spy.mock.calls.map((c) => c.map(String).join(' '));
}

describe('a decoder failure that is not a DecodeError', () => {
  it('fails that file of a batch only, with a Chinese message and one log line', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const files = [good('市甲局', 1), { name: '市乙局2024年上半年意识形态工作总结.docx', bytes: crashing('市乙局') }, good('市丙局', 2)];
      const summary = await ingestBatch(
        db,
        files.map((f) => ({ label: f.name, read: async () => ({ fileName: f.name, bytes: f.bytes }) })),
      );
      expect(summary.ingested).toBe(2);
      expect(summary.failed).toEqual([{ file: files[1]!.name, error: UNEXPECTED_FAILURE }]);
      const lines = logged(errors).filter((l) => l.includes(files[1]!.name));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/RangeError: Maximum call stack size exceeded/);
      expect(lines[0]).not.toContain('\n');
    } finally {
      errors.mockRestore();
    }
  });

  it('refuses that file (and that zip entry) at upload and keeps the others', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const form = new FormData();
      const add = (name: string, bytes: Uint8Array) => form.append('files', new Blob([new Uint8Array(bytes)]), name);
      const a = good('市丁局', 3);
      add(a.name, a.bytes);
      add('市戊局2024年上半年意识形态工作总结.docx', crashing('市戊局'));
      add('一批.zip', makeZip([{ name: '市己局2024年上半年意识形态工作总结.docx', data: crashing('市己局') }, { name: good('市庚局', 4).name, data: good('市庚局', 4).bytes }]));
      const res = await fetch(`${url}/api/uploads`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, body: form });
      expect(res.status).toBe(200);
      const batch = (await res.json()) as UploadBatch;
      const problem = (name: string) => batch.items.find((i) => i.fileName.endsWith(name))!.problem;
      expect(problem('市丁局2024年上半年意识形态工作总结.txt')).toBeNull();
      expect(problem('市戊局2024年上半年意识形态工作总结.docx')).toBe(UNEXPECTED_FAILURE);
      expect(problem('一批.zip/市己局2024年上半年意识形态工作总结.docx')).toBe(UNEXPECTED_FAILURE);
      expect(problem('一批.zip/市庚局2024年上半年意识形态工作总结.txt')).toBeNull();
      expect(logged(errors).filter((l) => l.includes('RangeError'))).toHaveLength(2);
    } finally {
      errors.mockRestore();
    }
  });

  it('fails the file alone when the failure first shows at commit', async () => {
    // Staged while the reader still worked: the marker is only in the docx's text, which the double checks at
    // commit just as at upload, so the staged item is made to point at the crashing bytes after staging.
    const form = new FormData();
    const first = good('市辛局', 5);
    const last = good('市癸局', 6);
    form.append('files', new Blob([new Uint8Array(first.bytes)]), first.name);
    form.append('files', new Blob([new Uint8Array(utf8(reportText('市壬局', '2024年上半年', 7)))]), '市壬局2024年上半年意识形态工作总结.docx.txt');
    form.append('files', new Blob([new Uint8Array(last.bytes)]), last.name);
    const res = await fetch(`${url}/api/uploads`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, body: form });
    const batch = (await res.json()) as UploadBatch;
    expect(batch.items.every((i) => i.problem === null)).toBe(true);
    const stagedDir = path.join(dir, 'staging', batch.batch);
    const staged = JSON.parse(fs.readFileSync(path.join(stagedDir, 'batch.json'), 'utf8')) as { items: Array<{ id: number; file: string; fileName: string }> };
    const middle = staged.items[1]!;
    fs.writeFileSync(path.join(stagedDir, middle.file), crashing('市壬局'));
    middle.fileName = '市壬局2024年上半年意识形态工作总结.docx';
    fs.writeFileSync(path.join(stagedDir, 'batch.json'), JSON.stringify(staged));

    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let lines: CommitLine[];
    try {
      const commit = await fetch(`${url}/api/uploads/${batch.batch}/commit`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ items: batch.items.map(({ id, meta }) => ({ id, meta })) }),
      });
      expect(commit.status).toBe(200);
      lines = (await commit.text())
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as CommitLine);
    } finally {
      errors.mockRestore();
    }
    expect(lines.filter((l) => l.type === 'result').map((l) => (l.type === 'result' ? l.status : ''))).toEqual(['stored', 'failed', 'stored']);
    expect(lines[1]).toMatchObject({ status: 'failed', error: UNEXPECTED_FAILURE });
    expect(lines.at(-1)).toEqual({ type: 'done', stored: 2, duplicates: 0, failed: 1, pending: 0 });
  });
});

describe('yanpan ingest with a decoder failure', () => {
  const run = (args: string[], preload: boolean) =>
    spawnSync('node', [...(preload ? ['--import', path.join(REPO_ROOT, 'tests/fixtures/failing-decoder/register.mjs')] : []), path.join(REPO_ROOT, 'bin', 'yanpan.js'), 'ingest', ...args], {
      encoding: 'utf8',
      cwd: REPO_ROOT,
    });

  it('reports the file as failed in the JSON, reads the later files, and exits 1 without a stack trace', () => {
    const inDir = path.join(dir, 'cli-in');
    fs.mkdirSync(inDir);
    const a = path.join(inDir, '市北局2024年上半年意识形态工作总结.docx');
    const b = path.join(inDir, good('市南局', 8).name);
    fs.writeFileSync(a, crashing('市北局'));
    fs.writeFileSync(b, good('市南局', 8).bytes);
    const r = run([a, b, '--db', path.join(dir, 'cli.db')], true);
    expect(r.status, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ ingested: 1, pending: 0, duplicates: 0, failed: [{ file: path.basename(a), error: UNEXPECTED_FAILURE }], resubmissions: [] });
    expect(r.stderr).toMatch(/RangeError: Maximum call stack size exceeded/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Both files in the audit log, under the command line and the account that ran it.
    const cliDb = new SQLite(path.join(dir, 'cli.db'), { readonly: true });
    try {
      const log = cliDb.prepare("select username, target, detail from audit_log where action = 'upload' order by id").all() as Array<{ username: string; target: string; detail: string }>;
      expect(log.map((l) => l.target)).toEqual([`file:${path.basename(a)}`, expect.stringMatching(/^report:\d+$/)]);
      for (const l of log) expect(l.username).toBe(`命令行（${os.userInfo().username}）`);
      expect(JSON.parse(log[0]!.detail)).toMatchObject({ status: 'failed', error: UNEXPECTED_FAILURE });
    } finally {
      cliDb.close();
    }
  });

  it('survives a genuinely crafted document: 3,000 nested tables', () => {
    const nested = '<w:tbl><w:tr><w:tc>'.repeat(3000) + para('嵌套的表格') + '</w:tc></w:tr></w:tbl>'.repeat(3000);
    const a = path.join(dir, 'cli-in', '市东局2024年上半年意识形态工作总结.docx');
    const b = path.join(dir, 'cli-in', good('市西局', 9).name);
    fs.writeFileSync(a, makeDocx({ body: para('市东局2024年上半年意识形态工作总结') + nested }));
    fs.writeFileSync(b, good('市西局', 9).bytes);
    const r = run([a, b, '--db', path.join(dir, 'cli2.db')], false);
    // Read or refused, as the .docx reader decides: either way the later file is stored and the JSON printed.
    expect(r.stdout, r.stderr).not.toBe('');
    const out = JSON.parse(r.stdout) as { ingested: number; failed: Array<{ file: string }> };
    expect(out.ingested + out.failed.length).toBe(2);
    expect(out.failed.map((f) => f.file)).not.toContain(path.basename(b));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

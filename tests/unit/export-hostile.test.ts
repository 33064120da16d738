// What a hostile submitter could put into the exports a reviewer opens, and what a submitter could learn
// about other units through them: titles, unit names and report sentences that start a spreadsheet
// formula (=, +, -, @) must come out of every CSV as text; xlsx cells stay text; a submitter's reuse
// sources and passage export say 另一单位 and carry no other unit's name or report id.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCorpus } from '../../seed/generator/index.js';
import { EXPORT_TABLE_NAMES } from '../../shared/exports.js';
import type { SessionUser } from '../../shared/roles.js';
import { appRouter } from '../../server/api/router.js';
import { createApp } from '../../server/app.js';
import { createSession, SESSION_COOKIE } from '../../server/auth/sessions.js';
import { createUser } from '../../server/auth/users.js';
import { openDb, type Db } from '../../server/db/connection.js';
import { ingestBatch } from '../../server/intake/batch.js';
import { parseCsv } from '../../server/intake/manifest.js';
import { loadSessionUser } from '../../server/auth/users.js';

let db: Db;
let server: Server;
let url: string;
const cookie = { reviewer: '', submitter: '' };
let submitter: SessionUser;
let copier: { unit: string; id: number };

const FORMULA_TITLE = '=HYPERLINK("http://evil.example/x","点此查看")';
const FORMULA_UNIT = '@SUM(1+1)局';
/** A sentence with a figure that starts with a minus sign, and one with a plus: both become cells of the figures table. */
const HOSTILE_LINES = ['-2+3 召开专题会议3次，研究部署意识形态工作。', '+cmd|\'/C calc\'!A0 开展专题学习5次。'];

beforeAll(async () => {
  db = await openDb(':memory:');
  const demo = generateDemoCorpus({ units: 6, years: [2023, 2024] });
  const encoder = new TextEncoder();
  const hostile = demo.reports[0]!;
  // After the title, among the work reported (a report's closing plans hold no figures).
  const withHostileLines = (text: string) => text.replace('\n', `\n${HOSTILE_LINES.join('\n')}\n`);
  const summary = await ingestBatch(db, [
    ...demo.reports.map((r) => ({
      label: r.fileName,
      read: async () => ({
        fileName: r.fileName,
        bytes: encoder.encode(r === hostile ? withHostileLines(r.text) : r.text),
        meta: { unit: r === hostile ? FORMULA_UNIT : r.unit, department: r.department, year: r.year, period: r.period, title: r === hostile ? FORMULA_TITLE : r.title },
      }),
    })),
  ]);
  expect(summary.failed).toEqual([]);
  // The unit that took the most copied text from other units: its submitter is the one who must not learn whose.
  const top = await db
    .selectFrom('reuse_spans as s')
    .innerJoin('reports as r', 'r.id', 's.report_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .where('s.kind', '=', 'copied')
    .select(['u.id as unitId', 'u.name as unit', 'r.id'])
    .orderBy('s.id')
    .executeTakeFirstOrThrow();
  copier = { unit: top.unit, id: top.id };
  const reviewerId = await createUser(db, { username: 'reviewer1', password: 'long-enough-pw', role: 'reviewer' });
  const submitterId = await createUser(db, { username: 'submitter1', password: 'long-enough-pw', role: 'submitter', unitId: top.unitId });
  cookie.reviewer = `${SESSION_COOKIE}=${(await createSession(db, reviewerId)).token}`;
  cookie.submitter = `${SESSION_COOKIE}=${(await createSession(db, submitterId)).token}`;
  submitter = (await loadSessionUser(db, submitterId))!;
  server = createApp(db).listen(0);
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await db.destroy();
});

const get = (path: string, who: keyof typeof cookie) => fetch(`${url}${path}`, { headers: { cookie: cookie[who] } });

describe('formula injection in exports', () => {
  it('writes no CSV cell that Excel or WPS would run as a formula, in any table, and only text cells in .xlsx', async () => {
    const seen = new Set<string>();
    for (const name of EXPORT_TABLE_NAMES) {
      const res = await get(`/api/export/table/${name}.csv`, 'reviewer');
      expect(res.status, name).toBe(200);
      const rows = parseCsv(await res.text());
      for (const cell of rows.flat()) {
        expect(cell, `${name}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
        if (cell.startsWith("'")) seen.add(cell.slice(1));
      }
    }
    // The hostile values are there, as text behind the apostrophe, not dropped.
    expect(seen).toContain(FORMULA_TITLE);
    expect(seen).toContain(FORMULA_UNIT);
    expect([...seen].some((s) => s.startsWith('-2+3 召开专题会议3次'))).toBe(true);

    // The same values in .xlsx are shared-string cells (exceljs writes no formula for a string): text
    // for Excel and WPS alike, kept as written.
    for (const name of ['reports', 'units', 'figures'] as const) {
      const res = await get(`/api/export/table/${name}.xlsx`, 'reviewer');
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
      expect(sheet, name).not.toMatch(/<f[ >]/);
      const strings = strFromU8(files['xl/sharedStrings.xml']!);
      expect(strings, name).toContain({ reports: 'HYPERLINK', units: FORMULA_UNIT, figures: '-2+3 召开专题会议3次' }[name]);
    }
  });
});

describe('a submitter and other units', () => {
  it('sees its report’s copied passages as taken from 另一单位, without unit names or report ids', async () => {
    const reuse = await appRouter.createCaller({ db, user: submitter }).reports.reuse({ id: copier.id });
    const foreign = reuse.spans.flatMap((s) => (s.kind === 'copied' ? s.sources : []));
    expect(foreign.length).toBeGreaterThan(0);
    for (const s of foreign) expect(s).toMatchObject({ id: '', unit: '另一单位' });
    // A reviewer sees whose they are.
    const reviewerView = await appRouter.createCaller({ db, user: { ...submitter, role: 'reviewer', unitId: null, unitName: null } }).reports.reuse({ id: copier.id });
    expect(reviewerView.spans.flatMap((s) => (s.kind === 'template' ? [] : s.sources)).every((s) => s.id !== '' && s.unit !== '另一单位')).toBe(true);
  });

  it('exports its copied passages without other units’ names', async () => {
    const others = (await db.selectFrom('units').select('name').where('name', '<>', copier.unit).execute()).map((u) => u.name);
    const res = await get('/api/export/table/passages.csv', 'submitter');
    const text = await res.text();
    const rows = parseCsv(text);
    expect(rows.length).toBeGreaterThan(1);
    expect(text).toContain('另一单位');
    for (const name of others) expect(text, name).not.toContain(name);
    const reviewer = await (await get('/api/export/table/passages.csv', 'reviewer')).text();
    expect(others.some((name) => reviewer.includes(name))).toBe(true);
  });
});

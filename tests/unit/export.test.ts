// Exports end to end: the HTTP routes on a stored demo corpus, their access rules and audit entries, and
// the files they produce opened back (xlsx parsed with exceljs, docx unzipped and its XML read).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCorpus } from '../../seed/generator/index.js';
import { EXPORT_TABLE_NAMES } from '../../shared/exports.js';
import { createApp } from '../../server/app.js';
import { createSession, SESSION_COOKIE } from '../../server/auth/sessions.js';
import { createUser } from '../../server/auth/users.js';
import { ingestBatch } from '../../server/intake/batch.js';
import { importTemplates } from '../../server/intake/templates.js';
import type { Db } from '../../server/db/connection.js';
import { EXPORT_TABLES } from '../../server/export/tables.js';
import { listFigures } from '../../server/queries/figures.js';
import { getUnmatchedActivities } from '../../server/queries/activity.js';
import { vocab } from '../../server/analyze/vocab.js';
import { getUnitsNeedingAttention, listFlags } from '../../server/queries/flags.js';
import { getHeadlines } from '../../server/queries/overview.js';
import { getTopCopiedPassages } from '../../server/queries/reuse.js';
import { getUnitComparison } from '../../server/queries/units.js';
import { decodePng } from '../png.js';
import { openFreshDb } from '../test-db.js';

let db: Db;
let server: Server;
let url: string;
const cookie: Record<'admin' | 'reviewer' | 'submitter', string> = { admin: '', reviewer: '', submitter: '' };
let ownUnit: { id: number; name: string; department: string | null };
let department: string;

beforeAll(async () => {
  db = await openFreshDb();
  const demo = generateDemoCorpus({ units: 10, years: [2023, 2024, 2025] });
  const encoder = new TextEncoder();
  for (const t of demo.templates) {
    await importTemplates(db, [{ label: t.fileName, read: async () => ({ fileName: t.fileName, bytes: encoder.encode(t.text) }) }], { kind: t.kind, title: t.title, source: t.source });
  }
  const summary = await ingestBatch(
    db,
    demo.reports.map((r) => ({
      label: r.fileName,
      read: async () => ({
        fileName: r.fileName,
        bytes: encoder.encode(r.text),
        meta: { unit: r.unit, department: r.department, year: r.year, period: r.period, title: r.title },
      }),
    })),
  );
  expect(summary.failed).toEqual([]);
  ownUnit = await db.selectFrom('units').select(['id', 'name', 'department']).orderBy('id').executeTakeFirstOrThrow();
  department = ownUnit.department!;
  for (const role of ['admin', 'reviewer', 'submitter'] as const) {
    const id = await createUser(db, { username: `${role}1`, password: 'long-enough-pw', role, unitId: role === 'submitter' ? ownUnit.id : null });
    cookie[role] = `${SESSION_COOKIE}=${(await createSession(db, id)).token}`;
  }
  server = createApp(db).listen(0);
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await db.destroy();
});

const get = (path: string, who?: keyof typeof cookie) => fetch(`${url}${path}`, { headers: who ? { cookie: cookie[who] } : {} });

async function workbook(res: Response): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('table exports', () => {
  it('unit comparison as .xlsx: title, filters above, Chinese headers, number formats, frozen header, the query’s numbers', async () => {
    const res = await get(`/api/export/table/units.xlsx?department=${encodeURIComponent(department)}`, 'reviewer');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(`单位对比_${department}.xlsx`);
    const ws = await workbook(res);
    expect(ws.getCell('A1').value).toBe('单位对比');
    expect(ws.getCell('A2').value).toBe(`筛选条件：部门：${department}`);
    const header = (ws.getRow(5).values as unknown[]).slice(1);
    expect(header).toEqual([
      '单位', '部门', '报告数', '平均字数', '套话率', '抄自他单位率', '同期雷同率', '套用范文率', '引用上级文件率', '自我重复率', '雷同合计',
      '占位符', '提示', '填报数字', '问题条数', '问题主题数', '最近年度',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(ws.getColumn(3).numFmt).toBe('#,##0');
    expect(ws.getColumn(5).numFmt).toBe('0.0%');
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(10);

    const expected = await getUnitComparison(db, { department });
    expect(expected.length).toBeGreaterThan(1);
    expect(ws.rowCount).toBe(5 + expected.length);
    expected.forEach((u, i) => {
      const row = ws.getRow(6 + i);
      expect(row.getCell(1).value).toBe(u.unit);
      expect(row.getCell(2).value).toBe(department);
      expect(row.getCell(3).value).toBe(u.reports);
      expect(row.getCell(5).value).toBeCloseTo(u.rates.stock, 10);
      expect(row.getCell(6).value).toBeCloseTo(u.rates.copied, 10);
      expect(row.getCell(8).value).toBeCloseTo(u.rates.model, 10);
      expect(row.getCell(12).value).toBe(u.placeholders);
    });
  });

  it('as CSV: UTF-8 with BOM, the same header and rows', async () => {
    const res = await get('/api/export/table/units.csv', 'admin');
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.subarray(3)).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^单位,部门,报告数,平均字数,套话率,/);
    const units = await getUnitComparison(db, {});
    expect(lines.length).toBe(1 + units.length);
    expect(lines[1]).toMatch(new RegExp(`^${units[0]!.unit},`));
    expect(lines[1]).toMatch(/,\d+\.\d%,/);
  });

  it('every table loads on the demo corpus with rows and a value in each column', async () => {
    // The names the client links to are exactly the tables there are.
    expect([...EXPORT_TABLES.keys()].sort()).toEqual([...EXPORT_TABLE_NAMES].sort());
    for (const table of EXPORT_TABLES.values()) {
      const data = await table.load(db, {});
      expect(data.rows.length, table.name).toBeGreaterThan(0);
      expect(new Set(data.rows.map((r) => r.length)), table.name).toEqual(new Set([data.columns.length]));
      data.columns.forEach((c, i) => {
        if (c.format !== 'text') expect(data.rows.some((r) => typeof r[i] === 'number'), `${table.name}.${c.header}`).toBe(true);
      });
    }
  });

  it('exports the recurrences the view shows: runs of at least the periods chosen there', async () => {
    const table = EXPORT_TABLES.get('recurrences')!;
    const periodsOf = async (minPeriods?: number) => {
      const data = await table.load(db, {}, { minPeriods });
      const at = data.columns.findIndex((c) => c.header === '连续期数');
      return data.rows.map((r) => Number(r[at]));
    };
    const all = await periodsOf();
    const three = await periodsOf(3);
    expect(Math.min(...all)).toBe(2);
    expect(three.length).toBeGreaterThan(0);
    expect(three.length).toBe(all.filter((p) => p >= 3).length);
    // The view's setting travels in the query string; nonsense is refused.
    expect((await get('/api/export/table/recurrences.csv?minPeriods=3', 'admin')).status).toBe(200);
    expect((await get('/api/export/table/recurrences.csv?minPeriods=1', 'admin')).status).toBe(400);
  });

  it('figures come with their sentences, flags with their label and text', async () => {
    const figures = await EXPORT_TABLES.get('figures')!.load(db, {});
    const sentence = figures.columns.findIndex((c) => c.header === '原句');
    const value = figures.columns.findIndex((c) => c.header === '数值');
    const row = figures.rows.find((r) => typeof r[value] === 'number')!;
    expect(String(row[sentence])).toContain(String(row[value]));
    const flags = await listFlags(db, {});
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((f) => /[\u4e00-\u9fff]/.test(f.label))).toBe(true);
    expect(flags.some((f) => f.excerpt.length > 0)).toBe(true);
  });

  it('names the unit that reported each figure, and the measure word apart (#19)', async () => {
    const names = new Set((await db.selectFrom('units').select('name').execute()).map((u) => u.name));
    const page = await listFigures(db, { page: 1, pageSize: 50 });
    expect(page.rows.length).toBeGreaterThan(0);
    for (const row of page.rows) {
      expect(names.has(row.unit), row.unit).toBe(true);
      const stored = await db.selectFrom('figures').select('unit').where('id', '=', row.id).executeTakeFirstOrThrow();
      expect(row.measure).toBe(stored.unit);
    }
    const res = await get('/api/export/table/figures.csv', 'reviewer');
    const [header, ...lines] = new TextDecoder().decode((await res.arrayBuffer()).slice(3)).trimEnd().split('\r\n');
    const cols = header!.split(',');
    const unit = cols.indexOf('单位');
    const measure = cols.indexOf('量词');
    expect(measure).toBeGreaterThan(unit);
    for (const l of lines.slice(0, 200)) {
      const cells = l.split(',');
      expect(names.has(cells[unit]!), cells[unit]).toBe(true);
      expect(cells[measure]!.length).toBeLessThanOrEqual(3);
    }
  });

  it('writes times in local time, not raw UTC (#19)', async () => {
    const res = await get('/api/export/table/reports.csv', 'reviewer');
    const [header, first] = new TextDecoder().decode((await res.arrayBuffer()).slice(3)).trimEnd().split('\r\n');
    const at = header!.split(',').indexOf('入库时间');
    const cell = first!.split(',')[at]!;
    expect(cell).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const id = Number(first!.split(',')[0]);
    const stored = new Date((await db.selectFrom('reports').select('ingested_at').where('id', '=', id).executeTakeFirstOrThrow()).ingested_at);
    expect(cell).toBe(`${stored.getFullYear()}-${String(stored.getMonth() + 1).padStart(2, '0')}-${String(stored.getDate()).padStart(2, '0')} ${String(stored.getHours()).padStart(2, '0')}:${String(stored.getMinutes()).padStart(2, '0')}`);
  });

  it('lists no bare verb (参与, 覆盖) among the activities no category matched (#19)', async () => {
    const bare = await db.selectFrom('figures').select('activity').where('category', 'is', null).where('activity', 'in', vocab.figures.bareVerbs).execute();
    expect(bare.length).toBeGreaterThan(0);
    for (const f of [{}, { year: 2024 }]) {
      const listed = (await getUnmatchedActivities(db, f)).map((a) => a.activity);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.filter((a) => vocab.figures.bareVerbs.includes(a))).toEqual([]);
    }
  });

  it('pins a submitter to its own unit, whatever it asks for', async () => {
    const res = await get(`/api/export/table/reports.csv?unit=${encodeURIComponent('某个别的单位')}`, 'submitter');
    expect(res.status).toBe(200);
    const lines = new TextDecoder().decode(await res.arrayBuffer()).trimEnd().split('\r\n').slice(1);
    const own = await db.selectFrom('reports').where('unit_id', '=', ownUnit.id).select('id').execute();
    expect(lines.length).toBe(own.length);
    expect(lines.every((l) => l.split(',')[1] === ownUnit.name)).toBe(true);
  });

  it('refuses anonymous users, unknown tables and malformed filters; audits each export', async () => {
    expect((await get('/api/export/table/units.xlsx')).status).toBe(401);
    expect((await get('/api/export/table/nothing.xlsx', 'admin')).status).toBe(404);
    expect((await get('/api/export/table/units.pdf', 'admin')).status).toBe(404);
    expect((await get('/api/export/table/units.xlsx?year=20x4', 'admin')).status).toBe(400);
    const log = await db.selectFrom('audit_log').select(['username', 'action', 'target', 'detail']).where('action', '=', 'export').execute();
    expect(log).toContainEqual(expect.objectContaining({ username: 'reviewer1', target: 'units.xlsx' }));
    expect(log).toContainEqual(expect.objectContaining({ username: 'submitter1', target: 'reports.csv' }));
    const sub = log.find((l) => l.username === 'submitter1')!;
    expect(JSON.parse(sub.detail!).filters.unit).toBe(ownUnit.name);
  });
});

describe('Word briefing', () => {
  let files: Record<string, Uint8Array>;
  let xml: string;

  it('is for reviewers and administrators only', async () => {
    expect((await get('/api/export/briefing.docx')).status).toBe(401);
    expect((await get('/api/export/briefing.docx', 'submitter')).status).toBe(403);
  });

  it('downloads as a .docx with headings, figures, charts, attention list and the unit table', async () => {
    const res = await get('/api/export/briefing.docx', 'reviewer');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    xml = strFromU8(files['word/document.xml']!);
    // Text as Word shows it: the runs of each paragraph joined.
    const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(text).toContain('意识形态工作报告研判简报');
    for (const h of ['一、研判范围', '二、总体情况', '三、工作开展情况', '四、需要关注的单位', '五、材料雷同情况', '（一）抄自其他单位的段落', '（二）同期报告雷同的段落（先后不明）', '（三）套用范文库文本的情况', '六、反复出现的问题', '七、附表：各单位报告情况一览']) {
      expect(text).toContain(h);
    }
    // The longest passage taken from another unit, quoted with the units it was taken from (or shared with).
    const top = (await getTopCopiedPassages(db, {}, 40)).find((p) => p.kind === 'copied');
    const quoted = text.find((t) => t.startsWith('1. '))!;
    // Its quote holds copied words only (a passage inside one sentence is quoted by its own clauses, ……-marked).
    const words = /“(?:……)?([^”]*?)(?:……)?”/.exec(quoted)![1]!.replace(/[。！？]$/, '');
    expect(words.length).toBeGreaterThan(10);
    expect(top!.text.replace(/\s+/g, '')).toContain(words);
    expect(quoted).toContain(`相同段落共 ${top!.text.replace(/\s+/g, '').length} 字`);
    for (const o of top!.sources) expect(quoted).toContain(o.unit);
    const h = await getHeadlines(db, {});
    expect(text.some((t) => t.includes(`${h.units} 个单位报送的 ${h.reports} 份报告`))).toBe(true);
    const attention = await getUnitsNeedingAttention(db, {});
    expect(attention.length).toBeGreaterThan(0);
    for (const r of attention[0]!.reasons) expect(text).toContain(`${r.text}（依据 ${r.reports} 份报告）原文`);
    // The unit table: one row per unit besides the header.
    const units = await getUnitComparison(db, {});
    const lastTable = xml.slice(xml.lastIndexOf('<w:tbl>'));
    expect(lastTable.match(/<w:tr[ >]/g)!.length).toBe(units.length + 1);
    for (const u of units) expect(lastTable).toContain(`>${u.unit}<`);
    expect(lastTable).toContain('<w:tblHeader/>');
  });

  it('links every finding to the passage it rests on, in the dashboard at the request’s address (#19)', async () => {
    const rels = strFromU8(files['word/_rels/document.xml.rels']!);
    const targets = [...rels.matchAll(/Target="([^"]+)"[^>]*TargetMode="External"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(targets.length).toBeGreaterThan(10);
    const texts = new Map<number, string>();
    for (const t of targets) {
      const m = new RegExp(`^${url.replace(/[.]/g, '\\.')}/reports/(\\d+)(?:\\?from=(\\d+)&to=(\\d+))?$`).exec(t);
      expect(m, t).not.toBeNull();
      const id = Number(m![1]);
      if (!texts.has(id)) texts.set(id, (await db.selectFrom('report_texts').select('text').where('report_id', '=', id).executeTakeFirstOrThrow()).text);
      if (m![2] === undefined) continue;
      const text = texts.get(id)!;
      const [from, to] = [Number(m![2]), Number(m![3])];
      expect(to).toBeLessThanOrEqual(text.length);
      expect(to).toBeGreaterThan(from);
    }
    // Quotes are whole sentences: the document quotes what its link points at, from a sentence start to a sentence end.
    const docText = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    const quoted = targets
      .map((t) => /reports\/(\d+)\?from=(\d+)&to=(\d+)/.exec(t))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(([, id, from, to]) => ({ text: texts.get(Number(id))!, from: Number(from), to: Number(to) }))
      .map((l) => ({ ...l, body: l.text.slice(l.from, l.to).replace(/\s+/g, '') }))
      .filter((l) => docText.includes(`“${l.body}”`));
    expect(quoted.length).toBeGreaterThan(5);
    for (const q of quoted) {
      expect(q.body, q.body).toMatch(/[。！？!?][”’」）)]*$/);
      expect(q.from === 0 || /[。！？!?][”’」）)]*\s*$|\n\s*$/.test(q.text.slice(Math.max(0, q.from - 4), q.from)), q.body).toBe(true);
    }
  });

  it('compares units with their department’s median and their previous period, and says on how many reports each rests', () => {
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    // A unit's total over its reports is said to be one, and its latest period is set against the one before.
    expect(text).toMatch(/雷同率 \d+\.\d%（\d+ 份报告合计），本部门 \d+ 个单位中位数 \d+\.\d%，最近一期（\d{4}年[^）]*）\d+\.\d%，上期（\d{4}年[^）]*）\d+\.\d%/);
    expect(text).not.toMatch(/雷同率 \d+\.\d%，本部门 \d+ 个单位中位数 \d+\.\d%，上期/);
    expect(text).toMatch(/依据 \d+ 份报告/);
    expect(text).toContain('本部门中位数');
    expect(text).toContain('上期雷同率');
  });

  it('is named by scope, period and date (RFC 5987), links to YANPAN_PUBLIC_URL when set, and holds the sections asked for', async () => {
    const saved = process.env.YANPAN_PUBLIC_URL;
    process.env.YANPAN_PUBLIC_URL = 'http://yanpan.intranet:3000';
    try {
      const res = await get(`/api/export/briefing.docx?department=${encodeURIComponent(department)}&year=2024&period=H1&sections=attention,units`, 'reviewer');
      expect(res.status).toBe(200);
      const now = new Date();
      const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`研判简报_${department}_2024年上半年_${day}.docx`)}`);
      const parts = unzipSync(new Uint8Array(await res.arrayBuffer()));
      const doc = strFromU8(parts['word/document.xml']!);
      const paragraphs = [...doc.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
      expect(paragraphs.filter((p) => /^[一二三四五六七]、/.test(p))).toEqual(['一、需要关注的单位', '二、附表：各单位报告情况一览']);
      const rels = strFromU8(parts['word/_rels/document.xml.rels']!);
      expect(rels).toContain('Target="http://yanpan.intranet:3000/reports/');
      expect(rels).not.toContain('127.0.0.1');
    } finally {
      if (saved === undefined) delete process.env.YANPAN_PUBLIC_URL;
      else process.env.YANPAN_PUBLIC_URL = saved;
    }
    expect((await get('/api/export/briefing.docx?sections=attention,nonsense', 'reviewer')).status).toBe(400);
    const all = await get('/api/export/briefing.docx', 'reviewer');
    expect(decodeURIComponent(all.headers.get('content-disposition')!)).toMatch(/研判简报_全部单位_全部年度_\d{8}\.docx/);
  });

  it('holds the charts as 2× PNG images on white, with their titles as alt text', () => {
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
    expect(media.length).toBe(4); // submissions, activity by year, reuse by department, theme trends
    expect(xml.match(/<a:blip /g)!.length).toBe(4);
    for (const m of media) {
      const png = decodePng(files[m]!);
      expect(png.width).toBe(1280);
      expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    }
    expect(xml).toContain('descr="各部门报送报告数（按年度）"');
  });

  it('sets Chinese fonts for East Asian text, A4 pages and page numbers in the footer', () => {
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="黑体"/);
    expect(xml).toMatch(/<w:pgSz [^>]*w:w="11906"[^>]*w:h="16838"/);
    const footer = Object.keys(files).find((f) => /^word\/footer\d*\.xml$/.test(f))!;
    expect(strFromU8(files[footer]!)).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    // Machines without 仿宋_GB2312 fall back to 仿宋, a GB2312 font, not to a Latin one.
    expect(strFromU8(files['word/fontTable.xml']!)).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    const styles = strFromU8(files['word/styles.xml']!);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"/);
  });

  it('follows the filters (scope line, fewer units) and is audited', async () => {
    const res = await get(`/api/export/briefing.docx?department=${encodeURIComponent(department)}&year=2024`, 'admin');
    const doc = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
    expect(doc).toContain(`本期研判范围：部门：${department}；年度：2024年`);
    const units = await getUnitComparison(db, { department, year: 2024 });
    const lastTable = doc.slice(doc.lastIndexOf('<w:tbl>'));
    expect(lastTable.match(/<w:tr[ >]/g)!.length).toBe(units.length + 1);
    const log = await db.selectFrom('audit_log').select(['username', 'target', 'detail']).where('target', '=', 'briefing.docx').execute();
    expect([...new Set(log.map((l) => l.username))].sort()).toEqual(['admin1', 'reviewer1']);
    expect(JSON.parse(log.find((l) => l.username === 'admin1')!.detail!).filters).toEqual({ department, year: 2024 });
  });
});

// The template library in the reuse engine: text a report took from a template is a `template` span
// naming it, whether the template was there before the report or added after (then through the index,
// with the same result), and removing the template gives the report back its spans without it. On real
// model essays (../shared realpages: one 范文 published on several template sites), two reports that both
// took it are not blamed for copying from each other once the essay is in the library.
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportReuse, TemplateKind, TemplateSource } from '../../shared/types.js';
import { type CorpusText, seedTexts, storeText } from '../../tests/reuse-corpus.js';
import { realExcerpts, realPagesAvailable } from '../../tests/shared-material.js';
import { type Db, openDb } from '../db/connection.js';
import { normalizeStoredText } from '../decode/index.js';
import { importTemplates } from '../intake/templates.js';
import { getReportReuse, indexReportReuse, removeTemplate, withReuseBatch } from './index.js';

const opened: Db[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
});

async function corpus(texts: CorpusText[]): Promise<Db> {
  const db = await openDb(':memory:');
  opened.push(db);
  await withReuseBatch(db, async () => {
    for (const t of texts) await db.transaction().execute(async (trx) => indexReportReuse(trx, await storeText(trx, t)));
  });
  return db;
}

async function addTemplate(db: Db, text: string, kind: TemplateKind = 'model', title = '测试范文'): Promise<number> {
  const r = await importTemplates(db, [{ label: 't.txt', read: async () => ({ fileName: 't.txt', bytes: new TextEncoder().encode(text) }) }], { kind, title });
  expect(r.failed).toEqual([]);
  return r.results[0]!.status === 'stored' ? r.results[0]!.templateId : -1;
}

const templateSpans = (r: ReportReuse) => r.spans.filter((s): s is typeof s & { kind: 'template'; sources: TemplateSource[] } => s.kind === 'template');
const nonSpace = (s: string) => s.replace(/\s/g, '').length;

describe('a template of the library', () => {
  // Two paragraphs of a real report (sample 001), as if a template site had published them.
  const seeds = seedTexts();
  const paragraphs = seeds[1]!.text.split('\n').filter((p) => nonSpace(p) >= 120).slice(1, 3);
  const templateText = `意识形态工作总结范文\n${paragraphs.join('\n')}\n`;

  it('marks the passages a report took from it, added after the reports exactly as before them', async () => {
    expect(paragraphs.length).toBe(2);
    const before = await openDb(':memory:');
    opened.push(before);
    await addTemplate(before, templateText);
    await withReuseBatch(before, async () => {
      for (const t of seeds) await before.transaction().execute(async (trx) => indexReportReuse(trx, await storeText(trx, t)));
    });
    const after = await corpus(seeds);
    const without = await getReportReuse(after);
    const id = await addTemplate(after, templateText);

    const rows = await getReportReuse(after);
    expect(rows).toEqual(await getReportReuse(before));
    const r001 = rows[1]!;
    const spans = templateSpans(r001);
    const covered = spans.reduce((n, s) => n + nonSpace(seeds[1]!.text.slice(s.start, s.end)), 0);
    expect(covered).toBeGreaterThan(0.8 * nonSpace(paragraphs.join('')));
    for (const s of spans) {
      expect(s.sources.map((x) => [x.template, x.title, x.kind])).toEqual([[String(id), '测试范文', 'model']]);
      expect(templateText.slice(s.sources[0]!.start, s.sources[0]!.end).replace(/\s/g, '')).toContain(seeds[1]!.text.slice(s.start, s.end).replace(/\s/g, '').slice(5, 25));
    }
    expect(r001.rates.template).toBeCloseTo(covered / r001.chars, 10);
    expect(r001.rates.reuse).toBeCloseTo(r001.rates.stock + r001.rates.copied + r001.rates.shared + r001.rates.self + r001.rates.template, 10);
    // Reports that took nothing from it are as they were.
    const untouched = rows.filter((r) => templateSpans(r).length === 0);
    expect(untouched.length).toBeGreaterThan(0);
    for (const r of untouched) expect(r).toEqual(without[Number(r.id) - 1]);

    await after.transaction().execute((trx) => removeTemplate(trx, id));
    expect(await getReportReuse(after)).toEqual(without);
  });

  it('tells quoting a superior’s document from copying a model essay', async () => {
    const db = await corpus(seeds);
    await addTemplate(db, templateText, 'directive', '上级文件');
    const spans = templateSpans((await getReportReuse(db))[1]!);
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(s.sources.map((x) => x.kind)).toEqual(['directive']);
    const row = await db.selectFrom('reuse_reports').select(['template_chars', 'directive_chars']).where('report_id', '=', 2).executeTakeFirstOrThrow();
    expect(row.directive_chars).toBe(row.template_chars);
    expect(row.template_chars).toBeGreaterThan(0);
  });

  it('refuses what is no template and stores the same text once', async () => {
    const db = await corpus([]);
    const enc = (s: string) => new TextEncoder().encode(s);
    const r = await importTemplates(
      db,
      [
        { label: 'a.txt', read: async () => ({ fileName: 'a.txt', bytes: enc(templateText) }) },
        { label: 'b.txt', read: async () => ({ fileName: 'b.txt', bytes: enc(templateText) }) },
        { label: 'short.txt', read: async () => ({ fileName: 'short.txt', bytes: enc('太短的文字') }) },
        { label: 'x.doc', read: async () => ({ fileName: 'x.doc', bytes: enc('不是 Word') }) },
      ],
      { kind: 'model' },
    );
    expect([r.templates, r.duplicates, r.failed.map((f) => f.file)]).toEqual([1, 1, ['short.txt', 'x.doc']]);
    expect(r.failed[0]!.error).toMatch(/文字过少/);
    // The title is the text's heading line.
    expect(r.results[0]).toMatchObject({ status: 'stored', title: '意识形态工作总结范文' });
  });
});

describe.runIf(realPagesAvailable())('real model essays (one 范文 on several template sites)', () => {
  it('two units that both took the essay are not blamed for copying each other once it is in the library', async () => {
    const pages = realExcerpts();
    const text = (id: string) => normalizeStoredText(pages.get(id)!.text);
    // rp119 and rp121 carry the essay first published as rp118: as two units' reports of 2022 and 2023.
    const reports: CorpusText[] = [
      { file: 'rp119.txt', unit: '甲单位', department: null, year: 2022, text: text('rp119') },
      { file: 'rp121.txt', unit: '乙单位', department: null, year: 2023, text: text('rp121') },
    ];
    const db = await corpus(reports);
    const [a, b] = await getReportReuse(db);
    // Without the essay: the later report copied the earlier one, which holds the original.
    expect(b!.rates.copied).toBeGreaterThan(0.3);
    expect(a!.rates.copied).toBe(0);
    expect(a!.spans.some((s) => s.kind === 'original')).toBe(true);

    const id = await addTemplate(db, text('rp118'), 'model', '民族宗教工作报告（范文网）');
    const [a2, b2] = await getReportReuse(db);
    for (const r of [a2!, b2!]) {
      expect(r.rates.template, r.file ?? '').toBeGreaterThan(0.3);
      expect(templateSpans(r).every((s) => s.sources.some((x) => x.template === String(id)))).toBe(true);
    }
    // What is left between them is what the two sites share beyond the essay's text as stored here.
    expect(b2!.rates.copied).toBeLessThan(0.25 * b!.rates.copied);
  });
});

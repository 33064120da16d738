// The demo corpus, generated and ingested the way `npm start` loads it: what was planted in it (seed/README.md)
// is found by the analysis and reuse engines and the dashboard's queries. Detection rates are printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCorpus, type DemoCorpus, type TruthSpan } from '../../seed/generator/index.js';
import { ingestBatch } from '../../server/intake/batch.js';
import { importTemplates } from '../../server/intake/templates.js';
import type { Db } from '../../server/db/connection.js';
import { getMissingSubmissions } from '../../server/queries/overview.js';
import { getReportReuse } from '../../server/reuse/index.js';
import { reportingDate } from '../../shared/periods.js';
import type { ReportReuse } from '../../shared/types.js';
import { openFreshDb } from '../test-db.js';

let db: Db;
let demo: DemoCorpus;
const idOf = new Map<string, number>();
const reuseOf = new Map<number, ReportReuse>();
const flagsOf = new Map<number, Array<{ kind: string; start: number | null; end: number | null }>>();
const rates: Array<[string, number, number]> = [];

beforeAll(async () => {
  demo = generateDemoCorpus();
  db = await openFreshDb();
  const encoder = new TextEncoder();
  // The template library first, as the demo loader adds it.
  for (const t of demo.templates) {
    await importTemplates(db, [{ label: t.fileName, read: async () => ({ fileName: t.fileName, bytes: encoder.encode(t.text) }) }], { kind: t.kind, title: t.title, source: t.source });
  }
  const summary = await ingestBatch(
    db,
    demo.reports.map((r) => ({
      label: r.fileName,
      read: async () => ({ fileName: r.fileName, bytes: encoder.encode(r.text), meta: { unit: r.unit, department: r.department, year: r.year, period: r.period, title: r.title } }),
    })),
  );
  expect(summary.failed).toEqual([]);
  for (const r of await db.selectFrom('reports').select(['id', 'file_name']).execute()) idOf.set(r.file_name!, r.id);
  for (const r of await getReportReuse(db)) reuseOf.set(Number(r.id), r);
  for (const f of await db.selectFrom('flags').select(['report_id', 'kind', 'start', 'end']).execute()) {
    flagsOf.set(f.report_id, [...(flagsOf.get(f.report_id) ?? []), f]);
  }
}, 600_000);

afterAll(async () => {
  console.log(`\n演示语料植入现象的检出率（${demo.reports.length} 份报告）：`);
  for (const [what, found, planted] of rates) console.log(`  ${what.padEnd(28)} ${found}/${planted} = ${((found / Math.max(1, planted)) * 100).toFixed(1)}%`);
  await db?.destroy();
});

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

function record(what: string, found: number, planted: number): number {
  rates.push([what, found, planted]);
  return found / Math.max(1, planted);
}

function flagged(span: TruthSpan, kinds: string[]): boolean {
  const flags = flagsOf.get(idOf.get(span.fileName)!) ?? [];
  return flags.some((f) => kinds.includes(f.kind) && (f.start === null || f.end === null || overlap(span, { start: f.start, end: f.end }) > 0 || f.start === span.start));
}

describe('planted phenomena of the demo corpus', () => {
  it('finds the passages copied from another unit, with the right source and direction', () => {
    let found = 0;
    let directed = 0;
    const byMode = new Map<string, [number, number]>();
    for (const c of demo.truth.copies) {
      const target = reuseOf.get(idOf.get(c.target.fileName)!)!;
      const source = reuseOf.get(idOf.get(c.source.fileName)!)!;
      // A source of an earlier period was copied from (the target is the copier); of the same period, shared.
      const kind = reportingDate(target.year, target.period)! > reportingDate(source.year, source.period)! ? 'copied' : 'shared';
      const covered = target.spans
        .filter((s) => s.kind === kind && s.sources.some((src) => src.id === source.id && overlap(src, c.source) > 0))
        .reduce((n, s) => n + overlap(s, c.target), 0);
      const hit = covered >= 0.5 * (c.target.end - c.target.start);
      if (hit) found++;
      // The source is not blamed: its text is the original (or, in the same period, shared), never copied.
      const blamed = source.spans.some((s) => s.kind === 'copied' && overlap(s, c.source) > 0 && s.sources.some((src) => src.id === target.id));
      if (hit && !blamed) directed++;
      const [h, n] = byMode.get(c.mode) ?? [0, 0];
      byMode.set(c.mode, [h + (hit ? 1 : 0), n + 1]);
    }
    const verbatim = byMode.get('verbatim') ?? [0, 0];
    const edited = byMode.get('edited') ?? [0, 0];
    // Floors are the levels reached when this test was written: a drop below them is a regression.
    expect(record('  其中 原样照抄', verbatim[0], verbatim[1])).toBeGreaterThanOrEqual(0.8);
    record('  其中 改写后抄袭', edited[0], edited[1]);
    expect(record('抄袭他单位（来源正确）', found, demo.truth.copies.length)).toBeGreaterThanOrEqual(0.65);
    expect(record('抄袭方向正确（来源单位不被误判）', directed, found)).toBe(1);
  });

  it('finds the paragraphs taken from the template library as template spans naming the template', () => {
    let found = 0;
    let wrongKind = 0;
    for (const c of demo.truth.templateCopies) {
      const target = reuseOf.get(idOf.get(c.target.fileName)!)!;
      const title = demo.templates.find((t) => t.fileName === c.template)!.title;
      const covered = target.spans
        .filter((s) => s.kind === 'template' && s.sources.some((src) => src.title === title && overlap(src, c.templateSpan) > 0))
        .reduce((n, s) => n + overlap(s, c.target), 0);
      if (covered >= 0.8 * (c.target.end - c.target.start)) found++;
      // What a report took from the library is not copying from the other units that took it too.
      if (target.spans.some((s) => (s.kind === 'copied' || s.kind === 'shared') && overlap(s, c.target) > 0.2 * (c.target.end - c.target.start))) wrongKind++;
      if (target.spans.some((s) => s.kind === 'template' && s.sources.some((src) => src.kind !== c.kind))) wrongKind++;
    }
    expect(record('套用范文库文本（范文正确）', found, demo.truth.templateCopies.length)).toBeGreaterThanOrEqual(0.9);
    expect(wrongKind).toBe(0);
  });

  it('finds the reports recycled from the unit\'s own earlier report', () => {
    let found = 0;
    for (const s of demo.truth.selfRecycled) {
      const r = reuseOf.get(idOf.get(s.fileName)!)!;
      const predecessor = String(idOf.get(s.predecessor));
      if (r.spans.some((span) => span.kind === 'self' && span.sources.some((src) => src.id === predecessor)) && r.rates.self + r.rates.stock >= 0.5) found++;
    }
    expect(record('自我重复（上年报告改写）', found, demo.truth.selfRecycled.length)).toBeGreaterThanOrEqual(0.8);
  });

  it('flags placeholder-laden reports, template-site leftovers, stale wording and implausible figures', () => {
    const placeholderFlagged = demo.truth.placeholderReports.filter((f) => (flagsOf.get(idOf.get(f)!) ?? []).some((x) => x.kind === 'placeholder_bulk')).length;
    expect(record('占位符报告（placeholder_bulk）', placeholderFlagged, demo.truth.placeholderReports.length)).toBeGreaterThanOrEqual(0.9);
    const leftovers = demo.truth.templateLeftovers.filter((l) => flagged(l, ['template_marker', 'download_notice', 'hard_linebreak'])).length;
    for (const kind of new Set(demo.truth.templateLeftovers.map((l) => l.kind))) {
      const of = demo.truth.templateLeftovers.filter((l) => l.kind === kind);
      record(`  其中 ${kind}`, of.filter((l) => flagged(l, ['template_marker', 'download_notice', 'hard_linebreak'])).length, of.length);
    }
    expect(record('模板网站痕迹', leftovers, demo.truth.templateLeftovers.length)).toBeGreaterThanOrEqual(0.75);
    const planted = demo.truth.staleReferences.filter((s) => s.cause === 'planted');
    const stale = planted.filter((s) => flagged(s, ['stale_reference'])).length;
    expect(record('过时提法（植入的）', stale, planted.length)).toBeGreaterThanOrEqual(0.9);
    const implausible = demo.truth.implausibleFigures.filter((s) => flagged(s, ['implausible_figure'])).length;
    expect(record('不合常理的数字', implausible, demo.truth.implausibleFigures.length)).toBeGreaterThanOrEqual(0.8);
  });

  it('flags exactly the reports without a problems section', () => {
    const flaggedReports = new Set([...flagsOf.entries()].filter(([, fl]) => fl.some((f) => f.kind === 'missing_problems')).map(([id]) => id));
    const truth = new Set(demo.truth.missingProblems.map((f) => idOf.get(f)!));
    const hits = [...truth].filter((id) => flaggedReports.has(id)).length;
    expect(record('未写存在问题（召回）', hits, truth.size)).toBeGreaterThanOrEqual(0.9);
    expect(record('未写存在问题（精确）', hits, flaggedReports.size)).toBeGreaterThanOrEqual(0.8);
  });

  it('lists the units that missed a period', async () => {
    let found = 0;
    for (const m of demo.truth.missingPeriods) {
      const listed = await getMissingSubmissions(db, { year: m.year, period: m.period });
      if (listed.units.some((u) => u.name === m.unit)) found++;
    }
    expect(record('未报送（单位与期次）', found, demo.truth.missingPeriods.length)).toBe(1);
  });
});

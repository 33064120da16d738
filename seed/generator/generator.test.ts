import { describe, expect, it } from 'vitest';
import { generateDemoCorpus, type DemoCorpus, type TruthSpan } from './index.js';
import { metaFromFileName } from '../../server/analyze/meta.js';

const started = performance.now();
const corpus = generateDemoCorpus();
const generationMs = performance.now() - started;
const byFile = new Map(corpus.reports.map((r) => [r.fileName, r]));
const { truth } = corpus;

function textOf(s: TruthSpan): string {
  const r = byFile.get(s.fileName);
  if (!r) throw new Error(`no report ${s.fileName}`);
  return r.text.slice(s.start, s.end);
}

/** Share of `a`'s 12-character windows that also stand in `b`. */
function overlap(a: string, b: string): number {
  const W = 12;
  const grams = new Set<string>();
  for (let i = 0; i + W <= b.length; i++) grams.add(b.slice(i, i + W));
  let hit = 0;
  let n = 0;
  for (let i = 0; i + W <= a.length; i++, n++) if (grams.has(a.slice(i, i + W))) hit++;
  return n === 0 ? 0 : hit / n;
}

describe('demo corpus generator', () => {
  it('is deterministic: the same seed gives the same corpus, another seed another one', () => {
    const again = generateDemoCorpus();
    expect(again).toEqual(corpus);
    const other = generateDemoCorpus({ seed: 7, units: 8 });
    const same = generateDemoCorpus({ seed: 7, units: 8 });
    expect(same).toEqual(other);
    expect(other.reports[0]!.text).not.toBe(corpus.reports[0]!.text);
    console.log(`[demo] ${corpus.reports.length} 份报告，生成用时 ${generationMs.toFixed(0)} ms`);
  });

  it('has the default size: 40 units in 6 departments, 300–400 reports of 2,000–8,000 characters', () => {
    expect(truth.units).toHaveLength(40);
    expect(new Set(truth.units.map((u) => u.department)).size).toBe(6);
    expect(corpus.reports.length).toBeGreaterThanOrEqual(300);
    expect(corpus.reports.length).toBeLessThanOrEqual(400);
    const lengths = corpus.reports.map((r) => r.text.length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(8000);
    expect(new Set(corpus.reports.map((r) => r.fileName)).size).toBe(corpus.reports.length);
    for (const r of corpus.reports) {
      // file names carry unit, year and period as shared/meta.ts reads them
      const meta = metaFromFileName(r.fileName);
      expect(meta).toMatchObject({ unit: r.unit, year: r.year, period: r.period });
    }
    const richness = new Set(truth.units.map((u) => u.richness));
    expect(richness).toEqual(new Set(['rich', 'normal', 'sparse']));
  });

  it('records every planted span at its exact place', () => {
    const spans: Array<TruthSpan> = [
      ...truth.placeholders,
      ...truth.templateLeftovers,
      ...truth.staleReferences,
      ...truth.foreignNames,
      ...truth.implausibleFigures,
      ...truth.problems,
      ...truth.figures,
      ...truth.sections,
      ...truth.copies.flatMap((c) => [c.target, c.source]),
      ...truth.templateCopies.map((c) => c.target),
    ];
    for (const s of spans) expect(textOf(s), `${s.fileName}@${s.start}`).toBe(s.text);
    for (const c of truth.templateCopies) {
      const t = corpus.templates.find((x) => x.fileName === c.template)!;
      expect(t.text.slice(c.templateSpan.start, c.templateSpan.end)).toBe(c.templateSpan.text);
    }
    for (const p of truth.placeholders) expect(p.text).toMatch(/X|x|\*|某/);
    for (const l of truth.templateLeftovers) {
      if (l.kind === 'line-break') expect(l.text).toBe('\n');
      if (l.kind === 'paid-marker') expect(l.text).toMatch(/^##paid(begin|end)##$/);
    }
    for (const f of truth.implausibleFigures) expect(f.unit === '%' ? f.value > 100 : f.value >= 10000).toBe(true);
    for (const p of truth.problems) expect(p.text).not.toMatch(/^(一是|（一）|\(一\)|1\.)/);
    const kinds = new Set(truth.sections.map((s) => s.kind));
    expect(kinds).toEqual(new Set(['achievements', 'problems', 'plans', 'suggestions']));
  });

  it('plants each phenomenon several times', () => {
    expect(truth.copies.filter((c) => c.mode === 'verbatim').length).toBeGreaterThanOrEqual(5);
    expect(truth.copies.filter((c) => c.mode === 'edited').length).toBeGreaterThanOrEqual(5);
    expect(truth.copies.some((c) => c.part === 'problems')).toBe(true);
    expect(truth.selfRecycled.length).toBeGreaterThanOrEqual(5);
    expect(truth.placeholderReports.length).toBeGreaterThanOrEqual(5);
    expect(new Set(truth.templateLeftovers.map((l) => l.kind))).toEqual(new Set(['paid-marker', 'site-notice', 'line-break']));
    expect(truth.staleReferences.filter((s) => s.cause === 'planted').length).toBeGreaterThanOrEqual(5);
    expect(truth.foreignNames.length).toBeGreaterThanOrEqual(3);
    expect(truth.missingProblems.length).toBeGreaterThanOrEqual(5);
    expect(truth.implausibleFigures.length).toBeGreaterThanOrEqual(5);
    expect(truth.missingPeriods.length).toBeGreaterThanOrEqual(10);
    expect(truth.recurrences.length).toBeGreaterThan(20);
  });

  it('copies: verbatim ones are identical to their source, edited ones close to it; sources are other units, not later', () => {
    for (const c of truth.copies) {
      const t = byFile.get(c.target.fileName)!;
      const s = byFile.get(c.source.fileName)!;
      expect(t.unit).not.toBe(s.unit);
      expect(s.year * 10 + (s.period === 'H1' ? 1 : 2)).toBeLessThanOrEqual(t.year * 10 + (t.period === 'H1' ? 1 : 2));
      expect(c.target.end - c.target.start).toBeGreaterThanOrEqual(120);
      if (c.mode === 'verbatim') expect(c.target.text).toBe(c.source.text);
      else {
        expect(c.target.text).not.toBe(c.source.text);
        expect(c.edits.length).toBeGreaterThan(0);
        expect(overlap(c.target.text, c.source.text)).toBeGreaterThan(0.5);
      }
    }
  });

  it("template copies: the template's paragraphs with the unit's own names; model essays and the superior's document; one paragraph in several units", () => {
    expect(corpus.templates.map((t) => t.kind).sort()).toEqual(['directive', 'model', 'model', 'model']);
    expect(truth.templateCopies.length).toBeGreaterThanOrEqual(8);
    expect(new Set(truth.templateCopies.map((c) => c.kind))).toEqual(new Set(['model', 'directive']));
    expect(new Set(truth.templateCopies.map((c) => c.mode))).toEqual(new Set(['verbatim', 'edited']));
    for (const c of truth.templateCopies) {
      // In the library the unit is a blank (XX局); in the report the unit's own name stands there.
      expect(overlap(c.target.text, c.templateSpan.text), c.target.fileName).toBeGreaterThan(0.5);
      expect(c.target.text).not.toMatch(/X/);
    }
    const byParagraph = new Map<string, Set<string>>();
    for (const c of truth.templateCopies) {
      const key = `${c.template}@${c.templateSpan.start}`;
      byParagraph.set(key, (byParagraph.get(key) ?? new Set()).add(byFile.get(c.target.fileName)!.unit));
    }
    expect(Math.max(...[...byParagraph.values()].map((u) => u.size))).toBeGreaterThanOrEqual(2);
  });

  it('self-recycled reports are mostly their predecessor: same unit and period, a year earlier', () => {
    for (const r of truth.selfRecycled) {
      const a = byFile.get(r.fileName)!;
      const p = byFile.get(r.predecessor)!;
      expect([a.unit, a.period, a.year - 1]).toEqual([p.unit, p.period, p.year]);
      expect(overlap(a.text, p.text)).toBeGreaterThan(0.6);
    }
  });

  it('missed periods have no report, and problems sections are missing exactly where recorded', () => {
    for (const m of truth.missingPeriods) {
      expect(corpus.reports.some((r) => r.unit === m.unit && r.year === m.year && r.period === m.period)).toBe(false);
    }
    const withProblems = new Set(truth.problems.map((p) => p.fileName));
    const withoutSection = new Set(truth.missingProblems);
    for (const r of corpus.reports) expect(withProblems.has(r.fileName)).toBe(!withoutSection.has(r.fileName));
    for (const f of truth.missingProblems) expect(truth.sections.some((s) => s.fileName === f && s.kind === 'problems')).toBe(false);
  });

  it('keeps planted phenomena out of the other reports', () => {
    const placeholderReports = new Set(truth.placeholderReports);
    const leftovers = new Set(truth.templateLeftovers.filter((l) => l.kind !== 'line-break').map((l) => l.fileName));
    for (const r of corpus.reports) {
      if (!placeholderReports.has(r.fileName)) expect(r.text, r.fileName).not.toMatch(/X|\*|某局/);
      if (!leftovers.has(r.fileName)) expect(r.text, r.fileName).not.toMatch(/##|下载后|本站|网友上传|水印/);
    }
  });

  it('shares no long passage between units by accident (only planted copies are long)', () => {
    // 16-character windows as rolling hashes; a run follows one other report through consecutive windows.
    // Runs start only on rare windows (in few reports): passages shared by many units are stock formulas.
    const W = 16;
    const RARE = 8;
    const hashes = corpus.reports.map((r) => {
      const out = new Int32Array(Math.max(0, r.text.length - W + 1));
      for (let i = 0; i < out.length; i++) {
        let h = 0x811c9dc5;
        for (let k = 0; k < W; k++) h = Math.imul(h ^ r.text.charCodeAt(i + k), 0x01000193);
        out[i] = h;
      }
      return out;
    });
    const posts = new Map<number, number[]>();
    hashes.forEach((hs, ri) => {
      for (const h of hs) {
        const l = posts.get(h);
        if (!l) posts.set(h, [ri]);
        else if (l[l.length - 1] !== ri) l.push(ri);
      }
    });
    const planted = new Set(truth.copies.flatMap((c) => [`${c.target.fileName}|${c.source.fileName}`, `${c.source.fileName}|${c.target.fileName}`]));
    // Reports that took the same template's text share it (the library explains it, not copying).
    for (const a of truth.templateCopies) for (const b of truth.templateCopies) if (a.template === b.template) planted.add(`${a.target.fileName}|${b.target.fileName}`);
    const counts = (o: number, ri: number) => {
      const r = corpus.reports[ri]!;
      const other = corpus.reports[o]!;
      return o !== ri && other.unit !== r.unit && !planted.has(`${r.fileName}|${other.fileName}`);
    };
    let longest = 0;
    hashes.forEach((hs, ri) => {
      let runs = new Map<number, number>();
      for (const h of hs) {
        const l = posts.get(h)!;
        const next = new Map<number, number>();
        if (l.length <= RARE) {
          for (const o of l) if (counts(o, ri)) next.set(o, (runs.get(o) ?? 0) + 1);
        } else {
          for (const [o, n] of runs) if (l.includes(o)) next.set(o, n + 1);
        }
        for (const n of next.values()) longest = Math.max(longest, n + W - 1);
        runs = next;
      }
    });
    console.log(`[demo] 不同单位之间非植入、非套话的最长共同片段：${longest} 字符`);
    expect(longest).toBeLessThan(120);
  });

  it('lets each unit write mostly about its own work', () => {
    // 8-character windows of the text (punctuation aside) that no other unit's reports hold: the unit's own
    // wording. Copy targets are left out, as their copied passage is another unit's wording by design.
    const targets = new Set([...truth.copies, ...truth.templateCopies].map((c) => c.target.fileName));
    const own = corpus.reports.filter((r) => !targets.has(r.fileName));
    const unitsOf = new Map<string, string | null>();
    const windows = own.map((r) => {
      const t = r.text.replace(/[^\p{L}\p{N}]/gu, '');
      const out: string[] = [];
      for (let i = 0; i + 8 <= t.length; i += 3) out.push(t.slice(i, i + 8));
      for (const w of out) {
        const seen = unitsOf.get(w);
        if (seen === undefined) unitsOf.set(w, r.unit);
        else if (seen !== r.unit) unitsOf.set(w, null);
      }
      return out;
    });
    const all = windows.reduce((n, ws) => n + ws.length, 0);
    const unique = windows.reduce((n, ws) => n + ws.filter((w) => unitsOf.get(w) !== null).length, 0);
    console.log(`[demo] 只出现在一个单位报告中的8字片段：${((100 * unique) / all).toFixed(1)}%`);
    expect(unique / all).toBeGreaterThan(0.45);
    // the unit's own names stand in its reports: every unit names its platforms and the towns it works in
    for (const u of truth.units) {
      const texts = corpus.reports.filter((r) => r.unit === u.unit && !targets.has(r.fileName)).map((r) => r.text).join('');
      expect(texts, u.unit).toMatch(/(微信公众号|视频号|抖音号|微博|门户网站专栏)“[^”]{2,8}”/);
    }
  });

  it('lets problem themes drift over the years', () => {
    const yearOf = new Map(corpus.reports.map((r) => [r.fileName, r.year]));
    const share = (theme: string, year: number) => {
      const inYear = truth.problems.filter((p) => yearOf.get(p.fileName) === year);
      return inYear.filter((p) => p.theme === theme).length / inYear.length;
    };
    expect(share('online', 2025)).toBeGreaterThan(share('online', 2021));
    expect(share('theory', 2025)).toBeLessThan(share('theory', 2021));
  });

  it('grows with scale and other years', () => {
    const big: DemoCorpus = generateDemoCorpus({ scale: 2, years: [2019, 2020, 2021] });
    expect(big.truth.units).toHaveLength(80);
    expect(new Set(big.truth.units.map((u) => u.unit)).size).toBe(80);
    expect(big.reports.length).toBeGreaterThan(400);
    for (const r of big.reports) expect(r.text.length).toBeLessThanOrEqual(8000);
    // in 2019 新中国成立70周年 is current, so a 2019 report never counts it as stale
    expect(big.truth.staleReferences.some((s) => s.rule === 'jianguo70' && s.fileName.includes('2019年'))).toBe(false);
  });
});

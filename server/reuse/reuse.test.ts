import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportReuse, ReuseSource, ReuseSpan } from '../../shared/types.js';
import { type CorpusText, seedTexts, storeText } from '../../tests/reuse-corpus.js';
import type { Db } from '../db/connection.js';
import { ingestSubmission } from '../intake/ingest.js';
import { loadStockFormulas } from './classify.js';
import { fingerprints, GRAM, WINDOW } from './fingerprint.js';
import { finalizeReuse, getReportReuse, indexReportReuse, withReuseBatch } from './index.js';
import { normalizeText } from './normalize.js';
import { getComparison, getCounterparts } from '../queries/compare.js';
import { openFreshDb } from '../../tests/test-db.js';

describe('normalizeText', () => {
  it('folds full-width forms, drops punctuation and whitespace, and maps back to the stored text', () => {
    const text = 'ＡＢｃ１２，宣传重\n点“一岗双责”。';
    const n = normalizeText(text);
    expect(String.fromCharCode(...n.codes)).toBe('abc12宣传重点一岗双责');
    const at = (s: string) => text.indexOf(s);
    expect(n.offsets[6]).toBe(at('传'));
    expect(n.offsets[8]).toBe(at('点'));
    expect(n.offsets[9]).toBe(at('一'));
  });
});

describe('fingerprints', () => {
  it('leave a common fingerprint in any shared run of GRAM + WINDOW - 1 characters', () => {
    const shared = '守土有责守土负责守土尽责同部署';
    expect(shared.length).toBeGreaterThanOrEqual(GRAM + WINDOW - 1);
    const a = fingerprints(normalizeText(`甲单位认真落实${shared}的要求`));
    const b = fingerprints(normalizeText(`按照${shared}原则推进工作`));
    const common = [...a.hashes].filter((h) => b.hashes.includes(h));
    expect(common.length).toBeGreaterThan(0);
  });
});

describe('loadStockFormulas', () => {
  it('reads the curated list, normalised', () => {
    const formulas = loadStockFormulas();
    expect(formulas.map((f) => f.text)).toContain('一岗双责');
    expect(String.fromCharCode(...formulas.find((f) => f.text.startsWith('守土'))!.codes)).toBe('守土有责守土负责守土尽责');
  });
});

/** The other reports a span names (every kind of span but template names reports). */
function reportSources(span: ReuseSpan): ReuseSource[] {
  return span.kind === 'template' ? [] : span.sources;
}

/** The spans of a report that overlap the first occurrence of `phrase` in its text. */
function spansAt(r: ReportReuse, text: string, phrase: string): ReuseSpan[] {
  const start = text.indexOf(phrase);
  expect(start, `${phrase} in report ${r.id}`).toBeGreaterThanOrEqual(0);
  return r.spans.filter((s) => s.start < start + phrase.length && start < s.end);
}

describe.each([
  ['one report at a time', false],
  ['in one batch', true],
] as const)('the seed samples, ingested %s', (_, batched) => {
  let db: Db;
  let seeds: CorpusText[];
  let rows: ReportReuse[];
  beforeAll(async () => {
    db = await openFreshDb();
    seeds = seedTexts();
    const ingest = async () => {
      for (const s of seeds) {
        await db.transaction().execute(async (trx) => indexReportReuse(trx, await storeText(trx, s)));
        // One at a time: each report resolved as it arrives, against the ones before it.
        if (!batched) await finalizeReuse(db);
      }
    };
    if (batched) await withReuseBatch(db, ingest);
    else await ingest();
    rows = await getReportReuse(db);
  });
  afterAll(() => db.destroy());

  it('finds the sentences 000 (2022) and 002 (2024) share as copied by 002, and as the original in 000', () => {
    const shared = '在舆论引导与对外宣传中，始终坚持团结稳定鼓劲，正面宣传为主，尊重舆论宣传规律，讲究舆论宣传艺术，提高舆论引导效果';
    const [r000, r002] = [rows[0]!, rows[2]!];
    const [t000, t002] = [seeds[0]!.text, seeds[2]!.text];
    expect([seeds[0]!.year, seeds[2]!.year]).toEqual([2022, 2024]);
    for (const [r, text, other, otherText, kind] of [
      [r002, t002, r000, t000, 'copied'],
      [r000, t000, r002, t002, 'original'],
    ] as const) {
      const spans = spansAt(r, text, shared);
      expect(spans.map((s) => s.kind)).toEqual([kind]);
      const span = spans[0]!;
      expect(span.start).toBeLessThanOrEqual(text.indexOf(shared));
      expect(span.end).toBeGreaterThanOrEqual(text.indexOf(shared) + shared.length);
      const source = reportSources(span).find((s) => s.id === other.id)!;
      expect(source.unit).toBe(other.unit);
      expect(otherText.slice(source.start, source.end)).toContain(shared);
    }
    // 000 is not blamed: nothing it shares with 002 counts as copied in it, and its copied rate is not 002's doing.
    expect(r000.spans.filter((s) => s.kind === 'copied' && reportSources(s).some((src) => src.id === r002.id))).toEqual([]);
  });

  it('finds the formulas all five share as stock, by the number of units and not only by the curated list', () => {
    for (const [i, phrase] of [
      [0, '守土有责、守土负责、守土尽责'],
      [0, '一岗双责'],
      [4, '同部署、同落实、同检查、同考核'],
    ] as const) {
      const spans = spansAt(rows[i]!, seeds[i]!.text, phrase);
      expect(spans.map((s) => s.kind), phrase).toEqual(['stock']);
    }
    // Stock by the number of units alone: spans that hold no curated formula (平总书记关于意识形态工作…).
    const curated = loadStockFormulas().map((f) => f.text.replace(/[、，]/g, ''));
    const uncurated = rows.flatMap((r, i) =>
      r.spans
        .filter((s) => s.kind === 'stock')
        .map((s) => seeds[i]!.text.slice(s.start, s.end).replace(/[、，“”\s]/g, ''))
        .filter((t) => !curated.some((c) => t.includes(c))),
    );
    expect(uncurated.length).toBeGreaterThan(5);
  });

  it('gives rates as shares of the non-whitespace characters, original text in none of them', () => {
    for (const [i, r] of rows.entries()) {
      const { stock, copied, shared, self, template } = r.rates;
      expect(r.rates.reuse).toBeCloseTo(stock + copied + shared + self + template, 10);
      for (const kind of ['stock', 'copied', 'shared', 'self', 'template'] as const) {
        const chars = r.spans.filter((s) => s.kind === kind).reduce((n, s) => n + seeds[i]!.text.slice(s.start, s.end).replace(/\s/g, '').length, 0);
        expect(r.rates[kind], `${r.id} ${kind}`).toBeCloseTo(chars / r.chars, 10);
      }
      expect(r.rates.reuse).toBeGreaterThan(0);
      expect(r.rates.reuse).toBeLessThan(1);
    }
  });
});

describe('reuse queries, on the seed samples ingested through ingestSubmission', () => {
  let db: Db;
  let seeds: CorpusText[];
  let ids: number[];
  beforeAll(async () => {
    db = await openFreshDb();
    seeds = seedTexts();
    ids = [];
    for (const s of seeds) {
      const r = await ingestSubmission(db, {
        fileName: s.file,
        bytes: new TextEncoder().encode(s.text),
        meta: { unit: s.unit, department: s.department, year: s.year },
      });
      if (r.status !== 'stored') throw new Error(`${s.file}: ${r.status}`);
      ids.push(r.reportId);
    }
    await finalizeReuse(db);
  }, 60_000);
  afterAll(() => db.destroy());

  it('pairs 000 and 002 with their roles, and aligns their shared passages side by side, the copier on the left', async () => {
    expect((await getCounterparts(db, ids[0]!)).find((c) => c.id === ids[2])).toMatchObject({ role: 'copier' });
    const counterpart = (await getCounterparts(db, ids[2]!)).find((c) => c.id === ids[0]);
    expect(counterpart).toMatchObject({ role: 'source' });
    expect(counterpart!.chars).toBeGreaterThan(100);
    // Asked either way round: the later report (002) on the left, its source (000) on the right.
    for (const [a, b] of [
      [ids[0]!, ids[2]!],
      [ids[2]!, ids[0]!],
    ] as const) {
      const pair = (await getComparison(db, a, b))!;
      expect([pair.left.id, pair.right.id, pair.relation]).toEqual([ids[2]!, ids[0]!, 'earlier']);
      expect(pair.sharedChars).toBeGreaterThan(100);
      const shared = '尊重舆论宣传规律，讲究舆论宣传艺术';
      const p = pair.passages.find((x) => seeds[2]!.text.slice(x.start, x.end).includes(shared))!;
      expect(seeds[0]!.text.slice(p.sourceStart, p.sourceEnd)).toContain(shared);
    }
  });
});

describe('direction, with other periods and units given to the same two samples (000, 002)', () => {
  const shared = '尊重舆论宣传规律，讲究舆论宣传艺术';
  async function kinds(meta: Array<Partial<CorpusText>>): Promise<string[][]> {
    const db = await openFreshDb();
    try {
      const seeds = seedTexts();
      const texts = [seeds[0]!, seeds[2]!].map((t, i) => ({ ...t, ...meta[i] }));
      await withReuseBatch(db, async () => {
        for (const t of texts) await db.transaction().execute(async (trx) => indexReportReuse(trx, await storeText(trx, t)));
      });
      const rows = await getReportReuse(db);
      return rows.map((r, i) => spansAt(r, texts[i]!.text, shared).map((s) => s.kind));
    } finally {
      await db.destroy();
    }
  }

  it('the same period: shared on both sides, direction unknown', async () => {
    expect(await kinds([{ year: 2024 }, { year: 2024 }])).toEqual([['shared'], ['shared']]);
  });

  it('a report without a year: shared, neither side blamed', async () => {
    expect(await kinds([{ year: null }, { year: 2024 }])).toEqual([['shared'], ['shared']]);
  });

  it('the earlier report of the later year: the direction follows the periods, not the order of submission', async () => {
    expect(await kinds([{ year: 2025 }, { year: 2023 }])).toEqual([['copied'], ['original']]);
  });

  it('a report the caller keeps out of comparisons (its unit not known yet, say) is compared with none', async () => {
    const db = await openFreshDb();
    try {
      const seeds = seedTexts();
      const first = await db.transaction().execute(async (trx) => {
        const id = await storeText(trx, seeds[0]!);
        await indexReportReuse(trx, id);
        return id;
      });
      await db.transaction().execute(async (trx) => indexReportReuse(trx, await storeText(trx, seeds[2]!)));
      await finalizeReuse(db, (id) => id !== first);
      const rows = await getReportReuse(db);
      expect(rows.flatMap((r) => r.spans.filter((s) => s.kind !== 'stock' && s.kind !== 'template'))).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('the same unit: the later report recycled it (self), the earlier one is not marked for it', async () => {
    expect(await kinds([{ unit: '市某局' }, { unit: '市某局' }])).toEqual([[], ['self']]);
  });
});

describe('a template site’s own text around two reports', () => {
  it('is no reuse: two units pasting from one site share its chrome, lead-in and notice without copying each other', async () => {
    const db = await openFreshDb();
    try {
      const chrome = '首页 > 范文大全 > 工作总结 > 意识形态工作总结\n下面是小编为大家整理的2023年意识形态工作总结范文，供大家参考，希望对大家有所帮助。\n';
      const notice = '\n本文由会员上传，如需下载完整版请登录VIP会员，免费下载全文。';
      const seeds = seedTexts();
      const texts = [seeds[1]!, seeds[3]!].map((s, i) => ({ ...s, unit: ['市甲局', '市乙局'][i]!, year: 2023, text: `${chrome}${s.text}${notice}` }));
      for (const t of texts) {
        const r = await ingestSubmission(db, { fileName: t.file, bytes: new TextEncoder().encode(t.text), meta: { unit: t.unit, department: null, year: t.year } });
        expect(r.status).toBe('stored');
      }
      await finalizeReuse(db);
      for (const [i, r] of (await getReportReuse(db)).entries()) {
        const text = texts[i]!.text;
        // The site's words, without the line breaks and the full stop that join them to the report.
        const around = [
          { start: 0, end: chrome.indexOf('帮助') + 2 },
          { start: text.length - notice.length + 1, end: text.length },
        ];
        for (const s of r.spans) for (const a of around) expect(s.start < a.end && a.start < s.end, `${s.kind} ${s.start}-${s.end} of ${text.length} ${JSON.stringify(text.slice(s.start - 20, s.end))}`).toBe(false);
      }
    } finally {
      await db.destroy();
    }
  }, 60_000);
});

// Full-text search on the seed submissions (real text): every report that contains a query of three
// characters or more is found (the trigram index is exact), whatever jieba made of the words around it;
// shorter queries find the words that contain them; user input never becomes FTS syntax; and search
// honours the filters and sees live reports only.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.js';
import { reportTexts } from '../../server/db/texts.js';
import { ingestSubmission } from '../../server/intake/ingest.js';
import { setReportDeleted } from '../../server/queries/reports.js';
import { kwic, refreshSearchTerms, searchReports } from '../../server/search/index.js';
import { seedSampleFiles } from '../shared-material.js';
import { openFreshDb } from '../test-db.js';

let db: Db;
let texts: Map<number, string>;
const ids: number[] = [];

beforeAll(async () => {
  db = await openFreshDb();
  for (const [i, file] of seedSampleFiles().entries()) {
    const r = await ingestSubmission(db, { fileName: path.basename(file), bytes: fs.readFileSync(file), meta: { unit: `样本单位${i}`, department: i % 2 ? '党群' : '经济', year: 2023 + (i % 2) } });
    if (r.status !== 'stored') throw new Error(`seed ${file} not stored: ${JSON.stringify(r)}`);
    ids.push(r.reportId);
  }
  await refreshSearchTerms(db); // as at the end of a batch
  texts = await reportTexts(db, ids);
}, 60_000);
afterAll(async () => {
  await db.destroy();
});

const found = async (q: string, filters: Record<string, unknown> = {}) => {
  const res = await searchReports(db, { q, page: 1, pageSize: 50, ...filters });
  return { ...res, ids: new Set(res.hits.map((h) => h.id)) };
};
const containing = (q: string) => new Set(ids.filter((id) => texts.get(id)!.toLowerCase().includes(q.toLowerCase())));

describe('search over the seed submissions', () => {
  it('finds every report containing any substring of three or more characters cut from the texts', async () => {
    // Substrings at fixed positions through every seed, so that most cut across jieba's words.
    let checked = 0;
    for (const id of ids) {
      const text = texts.get(id)!;
      for (let at = 100; at + 6 < text.length && checked < 200; at += Math.floor(text.length / 12)) {
        const q = text.slice(at, at + 3 + (at % 4)).trim();
        if ([...q].length < 3 || /\n/.test(q)) continue;
        const res = await found(q);
        for (const expected of containing(q)) expect(res.ids, `“${q}”`).toContain(expected);
        // Each hit shows the query in its context, at offsets into the stored text.
        const hit = res.hits.find((h) => h.id === id)!;
        expect(hit.occurrences).toBeGreaterThan(0);
        for (const line of hit.kwic) expect(text.slice(line.start, line.end).toLowerCase()).toBe(q.toLowerCase());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('counts the occurrences and reports the total', async () => {
    const q = '意识形态工作责任制';
    const res = await found(q);
    expect(res.total).toBe(containing(q).size);
    for (const hit of res.hits) expect(hit.occurrences).toBe(texts.get(hit.id)!.split(q).length - 1);
  });

  it('matches a short query inside longer words', async () => {
    expect(containing('网络舆情').size).toBeGreaterThan(0);
    expect((await found('舆情')).ids).toEqual(containing('舆情'));
    // A single character is always inside some word.
    expect((await found('党')).ids).toEqual(containing('党'));
    expect((await found('研')).ids).toEqual(containing('研'));
  });

  it('matches Latin letters in either case, as the placeholders XX are written both ways', async () => {
    expect((await found('xx')).ids).toEqual(containing('xx'));
    expect((await found('XX')).total).toBe(containing('XX').size);
  });

  it('finds short strings that are no word (punctuation, symbols) by scanning the texts', async () => {
    for (const q of ['%', '“', '，', '*']) {
      const expected = containing(q);
      if (expected.size) expect((await found(q)).ids, q).toEqual(expected);
    }
  });

  it('shows full-width letters in context whichever case was typed, at the text’s own offsets', () => {
    const text = '推进ＡＩ应用和Ai应用';
    const { count, lines } = kwic(text, 'ａｉ应用');
    expect(count).toBe(1);
    expect(text.slice(lines[0]!.start, lines[0]!.end)).toBe('ＡＩ应用');
    expect(kwic(text, 'AI应用').count).toBe(1);
  });

  it('never lets the query become FTS syntax', async () => {
    for (const q of ['"', '""意识形态', '舆情 OR 学习', 'NEAR(a b)', '学习*', '-', "'; drop table reports; --", '^开展', '意识\u0000形态', '\u0000']) {
      const res = await searchReports(db, { q, page: 1, pageSize: 10 });
      expect(res.total).toBeGreaterThanOrEqual(0);
    }
    expect((await found('zzzz不存在的词语zzzz')).total).toBe(0);
    expect((await found('   ')).total).toBe(0);
  });

  it('pages through the hits in order, newest year first', async () => {
    const all = (await searchReports(db, { q: '意识形态', page: 1, pageSize: 50 })).hits.map((h) => h.id);
    const second = (await searchReports(db, { q: '意识形态', page: 2, pageSize: 2 })).hits.map((h) => h.id);
    expect(second).toEqual(all.slice(2, 4));
    const years = (await searchReports(db, { q: '意识形态', page: 1, pageSize: 50 })).hits.map((h) => h.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('matches full-width letters in either case, short queries as long ones', async () => {
    const text = '市数据局2024年工作总结\n一、推进ＡＩ应用和Ａｉ平台\n全年开展ＡＩ培训3次。';
    const r = await ingestSubmission(db, { fileName: '全角字母.txt', bytes: new TextEncoder().encode(text), meta: { unit: '市数据局', department: '经济', year: 2024 } });
    if (r.status !== 'stored') throw new Error(JSON.stringify(r));
    await refreshSearchTerms(db);
    // jieba cuts full-width letters one by one: a single one is a word, ＡＩ two words (found from three characters on).
    for (const [q, occurrences] of [['Ａ', 3], ['ａ', 3], ['ａｉ应用', 1], ['ＡＩ培训', 1], ['Ａｉ平台', 1]] as const) {
      const res = await found(q);
      expect(res.ids, q).toContain(r.reportId);
      expect(res.hits.find((h) => h.id === r.reportId)!.occurrences, q).toBe(occurrences);
    }
    await setReportDeleted(db, r.reportId, 'tester');
  });

  it('finds a phrase as a substring on any line and as words across a line break, each report once', async () => {
    const texts = ['县网信办2024年工作总结\n一、基本情况\n全年研判网络舆情12次。', '县网信办2024年工作总结\n一、基本情况\n加强网络\n舆情引导。'];
    const stored: number[] = [];
    for (const [i, text] of texts.entries()) {
      const r = await ingestSubmission(db, { fileName: `分行${i}.txt`, bytes: new TextEncoder().encode(text), meta: { unit: `县网信办${i}`, department: '党群', year: 2024 } });
      if (r.status !== 'stored') throw new Error(JSON.stringify(r));
      stored.push(r.reportId);
    }
    const res = await searchReports(db, { q: '网络舆情', page: 1, pageSize: 500 });
    const hits = res.hits.map((h) => h.id);
    expect(hits).toEqual(expect.arrayContaining(stored));
    expect(new Set(hits).size).toBe(hits.length);
    expect(res.total).toBe(hits.length);
    for (const id of stored) await setReportDeleted(db, id, 'tester');
  });

  it('honours the filters and leaves deleted reports out', async () => {
    const q = '意识形态';
    const inDept = await found(q, { department: '党群' });
    expect(inDept.hits.every((h) => h.department === '党群')).toBe(true);
    expect(inDept.total).toBeLessThan((await found(q)).total);
    const victim = [...(await found(q)).ids][0]!;
    await setReportDeleted(db, victim, 'tester');
    expect((await found(q)).ids).not.toContain(victim);
    await setReportDeleted(db, victim, null);
    expect((await found(q)).ids).toContain(victim);
  });
});

// Search on PostgreSQL goes through its indexes (pg_trgm over the texts' lines, GIN over the word vectors), never
// a scan of the texts, and finds a phrase of words anywhere in a long report. Runs in `npm run test:pg`;
// on SQLite the same searches go through FTS5 (tests/unit/search.test.ts runs on both).
import fs from 'node:fs';
import path from 'node:path';
import { CompiledQuery, type KyselyPlugin, type RootOperationNode, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.js';
import { isPostgres } from '../../server/db/migrations/util.js';
import { ingestSubmission } from '../../server/intake/ingest.js';
import { searchReports, throughIndexes } from '../../server/search/index.js';
import { OVERLAP, textTokens, wordVectors } from '../../server/search/words.js';
import { seedSampleFiles } from '../shared-material.js';
import { openFreshDb, TEST_DIALECT } from '../test-db.js';

/**
 * The plans of the statements by which a search matches reports (those reading report_texts,
 * report_paragraphs or report_word_vectors), planned as the search plans them (throughIndexes). Nested loops are priced out
 * besides: over this handful of reports the planner rightly loops over them, which it would not over many.
 */
async function matchPlans(db: Db, q: string): Promise<string> {
  const nodes: RootOperationNode[] = [];
  const recorder: KyselyPlugin = {
    transformQuery: ({ node }) => {
      nodes.push(node);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  await searchReports(db.withPlugin(recorder), { q, page: 1, pageSize: 20 });
  const matches = nodes
    .map((node) => db.getExecutor().compileQuery(node, { queryId: 'explain' }))
    .filter((c) => /^select/i.test(c.sql) && /report_texts|report_paragraphs|report_word_vectors/.test(c.sql) && !/"report_texts" as "t"|from "report_texts" where "report_id" in/.test(c.sql));
  expect(matches.length).toBeGreaterThan(0);
  return throughIndexes(db, async (trx) => {
    await sql`set local enable_nestloop = off`.execute(trx);
    const plans: string[] = [];
    for (const c of matches) {
      const { rows } = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${c.sql}`, [...c.parameters]));
      plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    return plans.join('\n');
  });
}

describe.runIf(TEST_DIALECT === 'postgres')('search on PostgreSQL', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openFreshDb();
    for (const [i, file] of seedSampleFiles().entries()) {
      const r = await ingestSubmission(db, { fileName: path.basename(file), bytes: fs.readFileSync(file), meta: { unit: `样本单位${i}`, department: '党群', year: 2024 } });
      expect(r.status).toBe('stored');
    }
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
  });

  it('looks a substring up in the trigram index and a phrase in the word index, never scanning the texts', async () => {
    expect(isPostgres(db)).toBe(true);
    const plans = await matchPlans(db, '意识形态工作');
    expect(plans).toContain('report_paragraphs_trigrams');
    expect(plans).toContain('report_word_vectors_words');
    expect(plans).not.toMatch(/Seq Scan on report_texts|Seq Scan on report_paragraphs|Seq Scan on report_word_vectors/);
  });

  it('looks a short query up in the word index', async () => {
    const plans = await matchPlans(db, '舆情');
    expect(plans).toContain('report_word_vectors_words');
    expect(plans).not.toMatch(/Seq Scan on report_texts|Seq Scan on report_paragraphs|Seq Scan on report_word_vectors/);
  });

  it('finds a phrase of words split by punctuation anywhere in a long report, across the parts of its word index', async () => {
    // About 12,000 words, over the 16,383 positions one tsvector keeps; the phrase straddles a part's end.
    const filler = Array.from({ length: 12_000 }, (_, i) => `第${i + 1}项`).join('');
    const tokens = textTokens(filler);
    const vectors = wordVectors(tokens);
    expect(vectors.length).toBeGreaterThan(5);
    const at = filler.indexOf('第10239项');
    const text = `${filler.slice(0, at)}网络意识形态，阵地建设${filler.slice(at)}`;
    const r = await ingestSubmission(db, { fileName: '长报告.txt', bytes: new TextEncoder().encode(text), meta: { unit: '长报告单位', department: '党群', year: 2024 } });
    expect(r.status).toBe('stored');
    const res = await searchReports(db, { q: '网络意识形态阵地建设', page: 1, pageSize: 20 });
    expect(res.hits.map((h) => h.unit)).toContain('长报告单位');
    expect(OVERLAP).toBeGreaterThan(10);
  });
});

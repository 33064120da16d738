// Templates added to the library after the reports: the template is fingerprinted, the stored reports
// holding its fingerprints are found through the corpus index (never every report), aligned with it
// exactly as a report arriving after the template would be, and their spans derived again. Removing a
// template derives the reports that took text from it again.
import { alignPair } from './align.js';
import { type DbOrTrx, encodePostings } from './corpus.js';
import { normalizeText } from './normalize.js';
import { openCorpus } from './open-corpus.js';
import { MIN_TEMPLATE_SEEDS, TEMPLATE_SEED_DENSITY, hitsByHash, indexNormalized, pairSeeds, postingsOf, seedPositions } from './postings.js';
import { type Comparable, deriveAll, everyReport, storeTemplatePassages } from './spans.js';

/** Every fingerprint of a template seeds (as in templatePassages): no report count leaves one out. */
const ALL_POSTINGS = Number.POSITIVE_INFINITY;

/**
 * Index a stored template (its row in `templates`) and mark the resolved reports that took text from it.
 * Reports still waiting for their batch's resolution meet the template there. Returns the reports marked.
 */
export async function addTemplate(db: DbOrTrx, templateId: number, comparable: Comparable = everyReport): Promise<number> {
  const { text } = await db.selectFrom('templates').select('text').where('id', '=', templateId).executeTakeFirstOrThrow();
  const ix = indexNormalized(normalizeText(text));
  await db.insertInto('reuse_template_fingerprints').values({ template_id: templateId, postings: encodePostings(postingsOf(ix)) }).execute();
  const corpus = await openCorpus(db);
  const unresolved = new Set((await db.selectFrom('reuse_reports').select('report_id').where('resolved', '=', 0).execute()).map((r) => r.report_id));
  const mine = seedPositions(ix);
  const marked: number[] = [];
  for (const [reportId, hits] of await corpus.postingsByReport(mine.keys(), (r) => !unresolved.has(r) && comparable(r), ALL_POSTINGS)) {
    const theirs = hitsByHash(hits, MIN_TEMPLATE_SEEDS);
    if (!theirs) continue;
    const report = await corpus.report(db, reportId);
    // Seeds as (report, template) positions: aligned from the report's side, as when it arrives later.
    const seeds = pairSeeds(mine, theirs, report.norm);
    for (let i = 0; i < seeds.length; i += 2) [seeds[i], seeds[i + 1]] = [seeds[i + 1]!, seeds[i]!];
    const passages = alignPair(report.norm, ix.norm, seeds, TEMPLATE_SEED_DENSITY);
    if (passages.length === 0) continue;
    await storeTemplatePassages(db, reportId, new Map([[templateId, passages]]));
    marked.push(reportId);
  }
  await deriveAll(db, corpus, marked);
  return marked.length;
}

/** Remove a template from the library; the reports that took text from it are derived again. */
export async function removeTemplate(db: DbOrTrx, templateId: number): Promise<number> {
  const affected = (await db.selectFrom('reuse_template_passages').select('report_id').distinct().where('template_id', '=', templateId).execute()).map((r) => r.report_id);
  await db.deleteFrom('templates').where('id', '=', templateId).execute();
  if (affected.length > 0) {
    const corpus = await openCorpus(db);
    await deriveAll(db, corpus, affected);
  }
  return affected.length;
}

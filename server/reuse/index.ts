// The reuse engine's public face. A report is fingerprinted when it is stored; its passages are then
// resolved against the corpus and the template library (candidates through the indexes, never all
// pairs), aligned, classified — who copied whom follows from the reports' periods —, and the spans of
// the reports it matches are derived anew. A report is fingerprinted in its ingest transaction and queued;
// the queue is resolved after commit (finalizeReuse, at the end of a batch), in one pass over the corpus
// (open-corpus.ts: an in-memory index on SQLite and for bulk work, indexed rows on PostgreSQL), by one process at a time. Templates added to the library later are resolved against the stored
// reports the same way (templates.ts).
import type { Insertable, Kysely } from 'kysely';
import type { ReportReuse } from '../../shared/types.js';
import { insertRows } from '../db/insert.js';
import { exclusively } from '../db/locks.js';
import { isPostgres } from '../db/migrations/util.js';
import { getSetting, setSetting } from '../db/settings.js';
import type { Database } from '../db/schema.js';
import { type AlignedPassage, alignPair, mirror } from './align.js';
import { type StockEvidence, stockUnitThreshold } from './classify.js';
import { type Corpus, type CorpusReport, type DbOrTrx, decodePostings, encodePostings } from './corpus.js';
import { currentLibrary, type TemplateLibrary } from './library.js';
import { normalizeText } from './normalize.js';
import { openCorpus } from './open-corpus.js';
import { storePostingRows } from './posting-rows.js';
import { MIN_TEMPLATE_SEEDS, TEMPLATE_SEED_DENSITY, hitsByHash, indexNormalized, pairSeeds, postingsOf, seedPositions, type TextIndex } from './postings.js';
import { type Comparable, deriveAll, everyReport, formulaRuns, KeptStock, storeTemplatePassages } from './spans.js';

export { getReportReuse } from './read.js';
export { addTemplate, removeTemplate } from './templates.js';
export { storeMissingPostingRows } from './posting-rows.js';
export type { Comparable } from './spans.js';
export type { ReportReuse };

/**
 * A fingerprint in more reports than this is no seed: the pairs it would make grow with the square of
 * its reports. (The units under the stock threshold can still have many reports each — a unit's
 * yearly and half-yearly reports recycling a paragraph.) Passages of such text are still found through
 * their rarer fingerprints, and the text itself is counted as stock when many units hold it.
 */
const MAX_SEED_POSTINGS = 64;

// --- resolving one report against the corpus ---------------------------------------------------

interface Resolved {
  stock: StockEvidence[];
  /** Passages per other report, seen from this report. */
  pairs: Map<number, AlignedPassage[]>;
  /** Passages per template, seen from this report. */
  templates: Map<number, AlignedPassage[]>;
}

/**
 * Passages of a report taken from templates. Every fingerprint of the report is a seed here, however
 * many units hold it: a model essay copied by many units is precisely what the library is for.
 */
export function templatePassages(ix: TextIndex, library: TemplateLibrary): Map<number, AlignedPassage[]> {
  const out = new Map<number, AlignedPassage[]>();
  if (library.size === 0) return out;
  const mine = seedPositions(ix);
  for (const [templateId, hits] of library.postingsByTemplate(mine.keys())) {
    const theirs = hitsByHash(hits, MIN_TEMPLATE_SEEDS);
    if (!theirs) continue;
    const { norm } = library.template(templateId);
    const passages = alignPair(ix.norm, norm, pairSeeds(mine, theirs, norm), TEMPLATE_SEED_DENSITY);
    if (passages.length > 0) out.set(templateId, passages);
  }
  return out;
}

/**
 * Stock runs and aligned passages of one report. `wanted(other)` says whether the pair is resolved here
 * (in a batch each pair is aligned once, from its later report; some reports are compared with none).
 */
async function resolve(db: DbOrTrx, corpus: Corpus, library: TemplateLibrary, self: CorpusReport, ix: TextIndex, wanted: Comparable): Promise<Resolved> {
  const threshold = stockUnitThreshold(corpus.unitCount());
  const holders = await corpus.holders(ix.gramHashes, threshold);
  const stock = await formulaRuns(corpus, self.id, ix, holders, threshold);

  // Seeds: the rarer fingerprints, paired with their occurrences in other reports.
  const mine = seedPositions(ix, (i) => holders[i]! < threshold);
  const pairs = new Map<number, AlignedPassage[]>();
  for (const [otherId, hits] of await corpus.postingsByReport(mine.keys(), (other) => other !== self.id && wanted(other), MAX_SEED_POSTINGS)) {
    const theirs = hitsByHash(hits);
    if (!theirs) continue;
    const other = await corpus.report(db, otherId);
    const passages = alignPair(ix.norm, other.norm, pairSeeds(mine, theirs, other.norm));
    if (passages.length > 0) pairs.set(otherId, passages);
  }
  return { stock, pairs, templates: templatePassages(ix, library) };
}

// --- storing what was resolved and deriving spans -------------------------------------------

async function storePassages(db: DbOrTrx, reportId: number, { pairs, templates }: Resolved): Promise<void> {
  const rows: Array<Insertable<Database['reuse_passages']>> = [];
  for (const [otherId, passages] of pairs) {
    for (const p of passages) {
      rows.push({ report_id: reportId, source_id: otherId, start: p.start, end: p.end, source_start: p.sourceStart, source_end: p.sourceEnd });
      const m = mirror(p);
      rows.push({ report_id: otherId, source_id: reportId, start: m.start, end: m.end, source_start: m.sourceStart, source_end: m.sourceEnd });
    }
  }
  await insertRows(db, 'reuse_passages', rows);
  await storeTemplatePassages(db, reportId, templates);
}

/**
 * Resolve the pending reports against `corpus`: align each pair once, store the passages both ways,
 * then derive the spans of the pending reports and of every report they matched.
 */
async function resolvePending(db: DbOrTrx, corpus: Corpus, pending: number[], comparable: Comparable = everyReport) {
  const pendingSet = new Set(pending);
  const library = await currentLibrary(db);
  const stockOf = new KeptStock();
  const touched = new Set<number>();
  for (const id of pending) {
    await db.deleteFrom('reuse_passages').where((eb) => eb.or([eb('report_id', '=', id), eb('source_id', '=', id)])).execute();
    await db.deleteFrom('reuse_template_passages').where('report_id', '=', id).execute();
  }
  for (const id of pending) {
    const self = await corpus.report(db, id);
    const wanted = comparable(id) ? (other: number) => comparable(other) && !(pendingSet.has(other) && other > id) : () => false;
    const resolved = await resolve(db, corpus, library, self, indexNormalized(self.norm), wanted);
    stockOf.set(id, resolved.stock);
    await storePassages(db, id, resolved);
    for (const other of resolved.pairs.keys()) if (!pendingSet.has(other)) touched.add(other);
  }
  await deriveAll(db, corpus, [...pending, ...touched], stockOf);
}

// --- public API --------------------------------------------------------------------------------

/**
 * The version of the rules that turn aligned passages into spans (classify.ts, spans.ts). Spans stored
 * under an older version are derived again (rederiveReuse), so that old and new reports are measured alike.
 * 2: text shared only in a passage under MIN_REUSED_PASSAGE characters is a common phrase, not reuse.
 * 3: direction (copied by the later report, original in the earlier, shared in the same period; self
 *    only in the later of a unit's reports), template spans, formulas inside a passage bridged.
 * 4: a template site's own text around a report (page chrome, an editor's lead-in, download notices) is
 *    no reuse: units pasting from one site share it without copying one another.
 */
export const REUSE_RULES = '4';

/** Whether the stored spans were derived under the current rules (a database without reports is). */
export async function reuseRulesCurrent(db: Kysely<Database>): Promise<boolean> {
  return (await getSetting(db, 'reuse_rules')) === REUSE_RULES;
}

/** Derive every resolved report's spans again from its stored passages and formula runs, under the current rules. */
export async function rederiveReuse(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ids = (await trx.selectFrom('reuse_reports').select('report_id').where('resolved', '=', 1).orderBy('report_id').execute()).map((r) => r.report_id);
    if (ids.length > 0) {
      const corpus = await openCorpus(trx, [], ids.length);
      await deriveAll(trx, corpus, ids);
    }
    await setSetting(trx, 'reuse_rules', REUSE_RULES);
    return ids.length;
  });
}

/**
 * Index a stored report for reuse: its fingerprints, and a place in the resolution queue. Called inside
 * the ingest transaction right after the report is stored; the report is resolved after that transaction
 * commits (finalizeReuse), so that whichever process resolves sees every report committed before it.
 */
export async function indexReportReuse(db: DbOrTrx, reportId: number, postings?: Uint8Array): Promise<void> {
  const encoded =
    postings ??
    reusePostingsOf(
      (
        await db
          .selectFrom('report_texts')
          .select('text')
          .where('report_id', '=', reportId)
          .executeTakeFirstOrThrow()
      ).text,
    );
  await db.insertInto('reuse_fingerprints').values({ report_id: reportId, postings: encoded }).execute();
  if (isPostgres(db)) await storePostingRows(db, reportId, decodePostings(encoded));
  await db.insertInto('reuse_reports').values({ report_id: reportId, resolved: 0, stock_chars: 0, copied_chars: 0, self_chars: 0 }).execute();
}

/** A text's fingerprints as stored (pure; computed off the writer where it can be: server/intake/text-work.ts). */
export function reusePostingsOf(text: string): Uint8Array {
  return encodePostings(postingsOf(indexNormalized(normalizeText(text))));
}

/** Run `work` (which stores and indexes reports), then resolve everything in the queue. */
export async function withReuseBatch<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  const result = await work();
  await finalizeReuse(db);
  return result;
}

/**
 * Resolve every indexed report whose passages are not resolved yet (after a batch, or an interrupted one),
 * comparing only the reports `comparable` accepts with one another.
 */
export async function finalizeReuse(db: Kysely<Database>, comparable: Comparable = everyReport): Promise<{ resolved: number }> {
  // One resolver at a time over the whole database (several server processes may share it), each on one
  // snapshot: a report committed meanwhile waits for the next resolver, which sees this one's results. So
  // every pair is aligned once, from whichever of its reports is resolved later, and none is missed.
  // (SQLite has one writer and its transactions are serializable already.)
  const transaction = isPostgres(db) ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
  return exclusively(db, 'reuse-resolution', () =>
    transaction.execute(async (trx) => {
      const rows = await trx
        .selectFrom('reuse_reports as x')
        .innerJoin('reports as r', 'r.id', 'x.report_id')
        .select(['x.report_id', 'r.unit_id'])
        .where('x.resolved', '=', 0)
        .execute();
      if (rows.length === 0) return { resolved: 0 };
      // Unit by unit, so that the texts a unit's reports are aligned with stay in the cache.
      const pending = rows.sort((a, b) => a.unit_id - b.unit_id || a.report_id - b.report_id).map((r) => r.report_id);
      await resolvePending(trx, await openCorpus(trx, pending), pending, comparable);
      return { resolved: pending.length };
    }),
  );
}

// The reuse engine's public face. A report is fingerprinted when it is stored; its passages are then
// resolved against the corpus (candidates through the index, never all pairs), aligned, classified,
// and the spans of the reports it matches are derived anew. During a batch (withReuseBatch) reports are
// only fingerprinted, and the batch is resolved in one pass over an in-memory index at its end.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Insertable, Kysely } from 'kysely';
import type { ReportReuse } from '../../shared/types.js';
import { insertRows } from '../db/insert.js';
import { getSetting, setSetting } from '../db/settings.js';
import type { Database } from '../db/schema.js';
import { type AlignedPassage, alignPair, mirror } from './align.js';
import {
  type DerivedReuse,
  type PassageEvidence,
  STOCK_MAX_SOURCES,
  STOCK_MIN_CHARS,
  type StockEvidence,
  deriveSpans,
  findFormulas,
  loadStockFormulas,
  stockUnitThreshold,
} from './classify.js';
import { CorpusIndex, type CorpusReport, type DbOrTrx, type ReportPostings, encodePostings, storedSignature } from './corpus.js';
import { GRAM, fingerprints } from './fingerprint.js';
import { type NormalizedText, normalizeText } from './normalize.js';

export { getReportReuse } from './read.js';
export type { ReportReuse };

const FORMULAS = loadStockFormulas();

/** Fewest shared rare fingerprints for a pair of reports to be aligned at all. */
const MIN_SEEDS = 2;
/** A fingerprint repeated more often than this within one report is a refrain, not a seed. */
const MAX_REPEAT = 2;
/**
 * A fingerprint in more reports than this is no seed: the pairs it would make grow with the square of
 * its reports. (The units under the stock threshold can still have many reports each — a unit's
 * yearly and half-yearly reports recycling a paragraph.) Passages of such text are still found through
 * their rarer fingerprints, and the text itself is counted as stock when many units hold it.
 */
const MAX_SEED_POSTINGS = 64;

/** A report's index entries: k-gram fingerprints, then its curated formulas, with stored offsets. */
interface ReportIndex {
  norm: NormalizedText;
  /** k-gram fingerprints: hash and position in the normalised text. */
  gramHashes: Int32Array;
  gramPositions: Int32Array;
  /** Curated formulas: [position, length, hash]. */
  formulas: Array<[number, number, number]>;
}

function indexNormalized(norm: NormalizedText): ReportIndex {
  const fp = fingerprints(norm);
  return { norm, gramHashes: fp.hashes, gramPositions: fp.positions, formulas: findFormulas(norm, FORMULAS) };
}

/** The postings of a report: every fingerprint with its span in the stored text. */
function postingsOf(ix: ReportIndex): ReportPostings {
  const n = ix.gramHashes.length + ix.formulas.length;
  const hashes = new Int32Array(n);
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const { offsets } = ix.norm;
  for (let i = 0; i < ix.gramHashes.length; i++) {
    const p = ix.gramPositions[i]!;
    hashes[i] = ix.gramHashes[i]!;
    starts[i] = offsets[p]!;
    ends[i] = offsets[p + GRAM - 1]! + 1;
  }
  ix.formulas.forEach(([p, len, h], j) => {
    const i = ix.gramHashes.length + j;
    hashes[i] = h;
    starts[i] = offsets[p]!;
    ends[i] = offsets[p + len - 1]! + 1;
  });
  return { hashes, starts, ends };
}


// --- resolving one report against the corpus ---------------------------------------------------

interface Resolved {
  stock: StockEvidence[];
  /** Passages per other report, seen from this report. */
  pairs: Map<number, AlignedPassage[]>;
}

/**
 * Stock runs and aligned passages of one report. `skip(other)` says the pair is resolved elsewhere
 * (in a batch each pair is aligned once, from its later report).
 */
async function resolve(
  db: DbOrTrx,
  corpus: CorpusIndex,
  self: CorpusReport,
  ix: ReportIndex,
  skip: (other: number) => boolean,
): Promise<Resolved> {
  const threshold = stockUnitThreshold(corpus.unitCount());
  const holders = corpus.holders(ix.gramHashes);

  // Formula runs: fingerprints many units hold, touching or overlapping, plus the curated formulas.
  const stock: StockEvidence[] = [];
  const { offsets } = ix.norm;
  let runFrom = -1;
  let runTo = -1;
  let runFirst = 0;
  let runLast = 0;
  const closeRun = () => {
    if (runFrom >= 0 && runTo - runFrom >= STOCK_MIN_CHARS) {
      const start = offsets[runFrom]!;
      const end = offsets[runTo - 1]! + 1;
      // In the other report the run may be punctuated differently: allow some slack.
      const sources = corpus.examples(runFirst, runLast, runTo - runFrom + 16, self.id, STOCK_MAX_SOURCES);
      stock.push({ start, end, sources });
    }
    runFrom = -1;
  };
  for (let i = 0; i < ix.gramHashes.length; i++) {
    const h = ix.gramHashes[i]!;
    if (holders[i]! < threshold) continue;
    const p = ix.gramPositions[i]!;
    if (runFrom >= 0 && p > runTo) closeRun();
    if (runFrom < 0) {
      runFrom = p;
      runFirst = h;
    }
    runTo = p + GRAM;
    runLast = h;
  }
  closeRun();
  for (const [p, len, h] of ix.formulas) {
    const start = offsets[p]!;
    const end = offsets[p + len - 1]! + 1;
    stock.push({ start, end, sources: corpus.examples(h, h, 0, self.id, STOCK_MAX_SOURCES) });
  }

  // Seeds: the rarer fingerprints, paired with their occurrences in other reports.
  const mine = new Map<number, number[]>();
  for (let i = 0; i < ix.gramHashes.length; i++) {
    const h = ix.gramHashes[i]!;
    if (holders[i]! >= threshold) continue;
    const ps = mine.get(h);
    if (ps) ps.push(ix.gramPositions[i]!);
    else mine.set(h, [ix.gramPositions[i]!]);
  }
  for (const [h, ps] of mine) if (ps.length > MAX_REPEAT) mine.delete(h);
  const pairs = new Map<number, AlignedPassage[]>();
  const wanted = (other: number) => other !== self.id && !skip(other);
  for (const [otherId, hits] of corpus.postingsByReport(mine.keys(), wanted, MAX_SEED_POSTINGS)) {
    if (hits.length < 2 * MIN_SEEDS) continue;
    const theirs = new Map<number, number[]>();
    for (let i = 0; i < hits.length; i += 2) {
      const list = theirs.get(hits[i]!);
      if (list) list.push(hits[i + 1]!);
      else theirs.set(hits[i]!, [hits[i + 1]!]);
    }
    if (theirs.size < MIN_SEEDS) continue;
    const other = await corpus.report(db, otherId);
    const seeds: number[] = [];
    for (const [h, starts] of theirs) {
      if (starts.length > MAX_REPEAT) continue;
      for (const a of mine.get(h)!) for (const b of starts) seeds.push(a, positionAt(other.norm, b));
    }
    const passages = alignPair(ix.norm, other.norm, Int32Array.from(seeds));
    if (passages.length > 0) pairs.set(otherId, passages);
  }
  return { stock, pairs };
}

/** Index in the normalised text of the character at a stored offset. */
function positionAt(norm: NormalizedText, offset: number): number {
  let lo = 0;
  let hi = norm.offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (norm.offsets[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// --- storing what was resolved and deriving spans -------------------------------------------

async function storePassages(db: DbOrTrx, reportId: number, pairs: Map<number, AlignedPassage[]>): Promise<void> {
  const rows: Array<Insertable<Database['reuse_passages']>> = [];
  for (const [otherId, passages] of pairs) {
    for (const p of passages) {
      rows.push({ report_id: reportId, source_id: otherId, start: p.start, end: p.end, source_start: p.sourceStart, source_end: p.sourceEnd });
      const m = mirror(p);
      rows.push({ report_id: otherId, source_id: reportId, start: m.start, end: m.end, source_start: m.sourceStart, source_end: m.sourceEnd });
    }
  }
  await insertRows(db, 'reuse_passages', rows);
}

/** The stock spans reports already have (with their sources): kept when only their passages change. */
async function storedStock(db: DbOrTrx, reportIds: number[]): Promise<Map<number, StockEvidence[]>> {
  const out = new Map<number, StockEvidence[]>();
  if (reportIds.length === 0) return out;
  const rows = await db
    .selectFrom('reuse_spans as s')
    .leftJoin('reuse_sources as o', 'o.span_id', 's.id')
    .select(['s.id', 's.report_id as owner', 's.start', 's.end', 'o.report_id', 'o.start as source_start', 'o.end as source_end'])
    .where('s.report_id', 'in', reportIds)
    .where('s.kind', '=', 'stock')
    .orderBy('s.id')
    .execute();
  const spans = new Map<number, StockEvidence>();
  for (const r of rows) {
    let s = spans.get(r.id);
    if (!s) {
      spans.set(r.id, (s = { start: r.start, end: r.end, sources: [] }));
      const list = out.get(r.owner);
      if (list) list.push(s);
      else out.set(r.owner, [s]);
    }
    if (r.report_id !== null && r.source_start !== null && r.source_end !== null) {
      s.sources.push({ reportId: r.report_id, start: r.source_start, end: r.source_end });
    }
  }
  return out;
}

/** Replace the spans, sources, pairs and rates of these reports. */
async function storeDerived(db: DbOrTrx, derived: Map<number, DerivedReuse>): Promise<void> {
  const ids = [...derived.keys()];
  await db.deleteFrom('reuse_sources').where('span_id', 'in', db.selectFrom('reuse_spans').select('id').where('report_id', 'in', ids)).execute();
  await db.deleteFrom('reuse_spans').where('report_id', 'in', ids).execute();
  await db.deleteFrom('reuse_pairs').where('report_id', 'in', ids).execute();
  const spans = [...derived].flatMap(([id, d]) => d.spans.map((s) => ({ report_id: id, start: s.start, end: s.end, kind: s.kind })));
  await insertRows(db, 'reuse_spans', spans);
  // A report's spans never overlap: (report, start) names a span, whatever order ids come back in.
  const spanId = new Map<string, number>();
  for (const r of await db.selectFrom('reuse_spans').select(['id', 'report_id', 'start']).where('report_id', 'in', ids).execute()) {
    spanId.set(`${r.report_id}:${r.start}`, r.id);
  }
  await insertRows(
    db,
    'reuse_sources',
    [...derived].flatMap(([id, d]) =>
      d.spans.flatMap((s) => s.sources.map((src) => ({ span_id: spanId.get(`${id}:${s.start}`)!, report_id: src.reportId, start: src.start, end: src.end }))),
    ),
  );
  await insertRows(db, 'reuse_pairs', [...derived].flatMap(([id, d]) => [...d.pairs].map(([other, chars]) => ({ report_id: id, other_id: other, chars }))));
  for (const [id, d] of derived) {
    await db
      .updateTable('reuse_reports')
      .set({ resolved: 1, stock_chars: d.chars.stock, copied_chars: d.chars.copied, self_chars: d.chars.self })
      .where('report_id', '=', id)
      .execute();
  }
}

/** Reports whose spans are derived and stored together. */
const DERIVE_CHUNK = 200;

/** Spans of reports from their stored passages and the given (else their stored) formula runs. */
async function deriveAll(db: DbOrTrx, corpus: CorpusIndex, ids: number[], stockOf: Map<number, StockEvidence[]>, threshold: number) {
  for (let i = 0; i < ids.length; i += DERIVE_CHUNK) {
    const chunk = ids.slice(i, i + DERIVE_CHUNK);
    const rows = await db
      .selectFrom('reuse_passages as p')
      .innerJoin('reports as r', 'r.id', 'p.source_id')
      .select(['p.report_id', 'p.start', 'p.end', 'p.source_id', 'r.unit_id', 'p.source_start', 'p.source_end'])
      .where('p.report_id', 'in', chunk)
      .execute();
    const passages = new Map<number, PassageEvidence[]>();
    for (const r of rows) {
      const p = { start: r.start, end: r.end, sourceId: r.source_id, sourceUnitId: r.unit_id, sourceStart: r.source_start, sourceEnd: r.source_end };
      const list = passages.get(r.report_id);
      if (list) list.push(p);
      else passages.set(r.report_id, [p]);
    }
    const stored = await storedStock(db, chunk.filter((id) => !stockOf.has(id)));
    const derived = new Map<number, DerivedReuse>();
    for (const id of chunk) {
      const r = await corpus.report(db, id);
      const stock = stockOf.get(id) ?? stored.get(id) ?? [];
      derived.set(id, deriveSpans(r.text, r.unitId, passages.get(id) ?? [], stock, threshold));
    }
    await storeDerived(db, derived);
  }
}

/**
 * Resolve the pending reports against `corpus`: align each pair once, store the passages both ways,
 * then derive the spans of the pending reports and of every report they matched.
 */
async function resolvePending(db: DbOrTrx, corpus: CorpusIndex, pending: number[]) {
  const pendingSet = new Set(pending);
  const threshold = stockUnitThreshold(corpus.unitCount());
  const stockOf = new Map<number, StockEvidence[]>();
  const touched = new Set<number>();
  for (const id of pending) {
    await db.deleteFrom('reuse_passages').where((eb) => eb.or([eb('report_id', '=', id), eb('source_id', '=', id)])).execute();
  }
  for (const id of pending) {
    const self = await corpus.report(db, id);
    const { stock, pairs } = await resolve(db, corpus, self, indexNormalized(self.norm), (other) => pendingSet.has(other) && other > id);
    stockOf.set(id, stock);
    await storePassages(db, id, pairs);
    for (const other of pairs.keys()) if (!pendingSet.has(other)) touched.add(other);
  }
  await deriveAll(db, corpus, [...pending, ...touched], stockOf, threshold);
}

// --- public API --------------------------------------------------------------------------------

/**
 * The version of the rules that turn aligned passages into spans (classify.ts). Spans stored under an
 * older version are derived again (rederiveReuse), so that old and new reports are measured alike.
 * 2: text shared only in a passage under MIN_REUSED_PASSAGE characters is a common phrase, not reuse.
 */
export const REUSE_RULES = '2';

/** Whether the stored spans were derived under the current rules (a database without reports is). */
export async function reuseRulesCurrent(db: Kysely<Database>): Promise<boolean> {
  return (await getSetting(db, 'reuse_rules')) === REUSE_RULES;
}

/** Derive every resolved report's spans again from its stored passages and formula runs, under the current rules. */
export async function rederiveReuse(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ids = (await trx.selectFrom('reuse_reports').select('report_id').where('resolved', '=', 1).orderBy('report_id').execute()).map((r) => r.report_id);
    if (ids.length > 0) {
      const corpus = await currentIndex(trx);
      await deriveAll(trx, corpus, ids, new Map(), stockUnitThreshold(corpus.unitCount()));
    }
    await setSetting(trx, 'reuse_rules', REUSE_RULES);
    return ids.length;
  });
}

const batch = new AsyncLocalStorage<{ pending: number[] }>();

/** The index kept per database (its Kysely adapter: shared by the instance and its transactions). */
const indexes = new WeakMap<object, CorpusIndex>();

/**
 * The kept index if it still matches the stored fingerprints — after adding `arriving` (reports whose
 * fingerprints were stored since, as in a batch) — else one built from all of them.
 */
async function currentIndex(db: DbOrTrx, arriving: number[] = []): Promise<CorpusIndex> {
  const key = db.getExecutor().adapter;
  const kept = indexes.get(key);
  const stored = await storedSignature(db);
  if (kept) {
    const newer = arriving.filter((id) => id > kept.maxId);
    const maxId = Math.max(kept.maxId, ...newer);
    // Many arrivals are better sorted into a fresh index than looked up one by one among the additions.
    const few = newer.length <= Math.max(8, kept.count / 4);
    if (few && kept.count + newer.length === stored.count && maxId === stored.maxId) {
      await kept.addStored(db, newer);
      return kept;
    }
  }
  const fresh = await CorpusIndex.load(db);
  indexes.set(key, fresh);
  return fresh;
}

/**
 * Index a stored report for reuse. Called inside the ingest transaction right after the report is
 * stored. Outside a batch the report is resolved at once and the reports it matches are updated; in a
 * batch (withReuseBatch) it is only fingerprinted and resolved when the batch ends.
 */
export async function indexReportReuse(db: DbOrTrx, reportId: number): Promise<void> {
  const r = await db
    .selectFrom('reports as r')
    .innerJoin('report_texts as t', 't.report_id', 'r.id')
    .select(['r.unit_id', 't.text'])
    .where('r.id', '=', reportId)
    .executeTakeFirstOrThrow();
  const [unitId, text] = [r.unit_id, r.text];
  const postings = postingsOf(indexNormalized(normalizeText(text)));
  const inBatch = batch.getStore();
  const corpus = inBatch ? null : await currentIndex(db);
  await db.insertInto('reuse_fingerprints').values({ report_id: reportId, postings: encodePostings(postings) }).execute();
  await db.insertInto('reuse_reports').values({ report_id: reportId, resolved: 0, stock_chars: 0, copied_chars: 0, self_chars: 0 }).execute();
  if (!corpus) {
    inBatch?.pending.push(reportId);
    return;
  }
  corpus.add(reportId, unitId, postings);
  await resolvePending(db, corpus, [reportId]);
}

/**
 * Run `work` (which ingests many reports) with reuse resolution deferred, then resolve everything it
 * indexed in one pass, in its own transaction.
 */
export async function withReuseBatch<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  const result = await batch.run({ pending: [] }, work);
  await finalizeReuse(db);
  return result;
}

/** Resolve every indexed report whose passages are not resolved yet (after a batch, or an interrupted one). */
export async function finalizeReuse(db: Kysely<Database>): Promise<{ resolved: number }> {
  const rows = await db
    .selectFrom('reuse_reports as x')
    .innerJoin('reports as r', 'r.id', 'x.report_id')
    .select(['x.report_id', 'r.unit_id'])
    .where('x.resolved', '=', 0)
    .execute();
  if (rows.length === 0) return { resolved: 0 };
  // Unit by unit, so that the texts a unit's reports are aligned with stay in the cache.
  const pending = rows.sort((a, b) => a.unit_id - b.unit_id || a.report_id - b.report_id).map((r) => r.report_id);
  await db.transaction().execute(async (trx) => resolvePending(trx, await currentIndex(trx, pending), pending));
  return { resolved: pending.length };
}

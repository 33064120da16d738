// The corpus as the reuse engine queries it: which reports hold a fingerprint, and the texts of the
// reports a pair is aligned with. Two implementations: an inverted index in memory (memory-index.ts, the
// single SQLite process) and the fingerprints as indexed rows (posting-rows.ts, PostgreSQL, where several
// server processes share the corpus).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SourceRef } from './classify.js';
import { type NormalizedText, normalizeText } from './normalize.js';

export type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** A report's postings in the stored text's coordinates. */
export interface ReportPostings {
  hashes: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

export interface CorpusReport {
  id: number;
  unitId: number;
  text: string;
  norm: NormalizedText;
}

export function encodePostings(p: ReportPostings): Uint8Array {
  const out = new Int32Array(p.hashes.length * 3);
  for (let i = 0; i < p.hashes.length; i++) {
    out[3 * i] = p.hashes[i]!;
    out[3 * i + 1] = p.starts[i]!;
    out[3 * i + 2] = p.ends[i]!;
  }
  return toLittleEndian(out);
}

export function decodePostings(bytes: Uint8Array): ReportPostings {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength / 12;
  const p = { hashes: new Int32Array(n), starts: new Int32Array(n), ends: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    p.hashes[i] = view.getInt32(12 * i, true);
    p.starts[i] = view.getInt32(12 * i + 4, true);
    p.ends[i] = view.getInt32(12 * i + 8, true);
  }
  return p;
}

function toLittleEndian(xs: Int32Array): Uint8Array {
  const bytes = new Uint8Array(xs.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < xs.length; i++) view.setInt32(4 * i, xs[i]!, true);
  return bytes;
}


/**
 * Examples of a run of fingerprints in other reports: up to `limit` reports other than `exclude` holding
 * `first` and, at most `span` characters after it, `last`.
 */
export interface ExampleRequest {
  first: number;
  last: number;
  span: number;
  exclude: number;
  limit: number;
}

/** What the engine asks of the corpus of stored reports. */
export interface Corpus {
  /** Units with at least one indexed report. */
  unitCount(): number;
  /**
   * For each hash, the number of distinct units whose reports hold it (0 if none), counted no further than
   * `cap`: all the engine asks is whether `cap` units or more hold a fingerprint (the stock threshold).
   */
  holders(hashes: Int32Array, cap: number): Promise<Int32Array>;
  /**
   * The postings of these hashes by report, for the reports `wanted` accepts: [hash, start, …], each
   * report's in the order of `hashes`. Hashes with more than `maxPostings` postings are left out.
   */
  postingsByReport(hashes: Iterable<number>, wanted: (report: number) => boolean, maxPostings: number): Promise<Map<number, number[]>>;
  /** For each request, the reports that hold its run (in report order, as many as it asks). */
  examples(requests: ExampleRequest[]): Promise<SourceRef[][]>;
  /** A report's text, normalised. */
  report(db: DbOrTrx, id: number): Promise<CorpusReport>;
}

/**
 * Characters of normalised text kept (about 6 bytes each, with the text itself 8): the province corpus
 * (12.9 M) fits whole. At 10,000 reports (42 M) the cache is what lifts the peak past 2 GB: 20 M keeps it at
 * 1.74 GB (40 M: 1.96–1.97 GB), for about 16 s more of texts read again after the batch (28 M saves no time).
 */
const TEXT_CACHE_CHARS = 20_000_000;

/** The texts of the reports used most recently, normalised (a stored report's text never changes). */
export class ReportTexts {
  private readonly texts = new Map<number, CorpusReport>();
  private cachedChars = 0;

  async get(db: DbOrTrx, id: number): Promise<CorpusReport> {
    let r = this.texts.get(id);
    if (r) {
      this.texts.delete(id);
    } else {
      const row = await db
        .selectFrom('reports as r')
        .innerJoin('report_texts as t', 't.report_id', 'r.id')
        .select(['r.unit_id', 't.text'])
        .where('r.id', '=', id)
        .executeTakeFirstOrThrow();
      r = { id, unitId: row.unit_id, text: row.text, norm: normalizeText(row.text) };
      this.cachedChars += row.text.length;
      for (const [oldest, old] of this.texts) {
        if (this.cachedChars <= TEXT_CACHE_CHARS) break;
        this.texts.delete(oldest);
        this.cachedChars -= old.text.length;
      }
    }
    this.texts.set(id, r);
    return r;
  }
}

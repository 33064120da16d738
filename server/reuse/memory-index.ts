// The corpus as an inverted index (hash → postings) in memory, built from the fingerprints stored per
// report and extended as reports arrive: the single SQLite process's index. One index per database is
// kept between calls and checked against the stored fingerprints before use, so a report ingested by
// another process or a rolled-back transaction makes it rebuild rather than answer wrongly.
import { sql } from 'kysely';
import type { SourceRef } from './classify.js';
import { type Corpus, type CorpusReport, type ExampleRequest, type DbOrTrx, type ReportPostings, ReportTexts, decodePostings } from './corpus.js';

/**
 * Postings in flat arrays: a base sorted by hash (a stable radix sort, so within one hash in report
 * order), where a hash's postings are one run found by binary search, and the postings of reports
 * added since, by hash.
 */
export class CorpusIndex implements Corpus {
  private hash: Int32Array = new Int32Array(0);
  private owner: Int32Array = new Int32Array(0);
  private start: Int32Array = new Int32Array(0);
  private end: Int32Array = new Int32Array(0);
  private readonly added = new Map<number, Array<[number, number, number]>>();
  /**
   * Distinct units of each posting's hash in the base arrays, counted once when they are built; 16 bits
   * (a count past 65,535 is kept at that, far above any stock threshold): 70 MB less at 10,000 reports.
   */
  private units: Uint16Array = new Uint16Array(0);
  /** Where each range of hashes (by their top bits) starts in the base arrays: a binary search over
   * millions of postings is some twenty cache misses, a directory lookup one or two. */
  private directory: Uint32Array = new Uint32Array((1 << DIRECTORY_BITS) + 1);
  private readonly unitOf = new Map<number, number>();
  private readonly texts = new ReportTexts();
  /** Reports indexed, and the largest id: what the stored fingerprints must also say. */
  count = 0;
  maxId = 0;

  /** The index of every stored report's fingerprints (in report order). */
  static async load(db: DbOrTrx): Promise<CorpusIndex> {
    const index = new CorpusIndex();
    const rows = await db
      .selectFrom('reuse_fingerprints as f')
      .innerJoin('reports as r', 'r.id', 'f.report_id')
      .select(['f.report_id', 'r.unit_id', 'f.postings'])
      .orderBy('f.report_id')
      .execute();
    index.build(rows);
    return index;
  }

  /** Add reports whose fingerprints were stored after the index was built. */
  async addStored(db: DbOrTrx, ids: number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('reuse_fingerprints as f')
        .innerJoin('reports as r', 'r.id', 'f.report_id')
        .select(['f.report_id', 'r.unit_id', 'f.postings'])
        .where('f.report_id', 'in', ids.slice(i, i + 500))
        .orderBy('f.report_id')
        .execute();
      for (const r of rows) this.add(r.report_id, r.unit_id, decodePostings(r.postings));
    }
  }

  /**
   * The base arrays sorted by hash, stably (so within one hash in report order): a two-digit radix sort
   * scattering straight from the stored postings (12 bytes each) into a first and then the final order.
   * At 10,000 reports there are some 34 million postings: concatenating, decoding and permuting copies
   * of them held 17 arrays' worth at once; this holds at most 8 (the stored postings and the first order,
   * then the first order and the final one). `reports` is emptied once its postings are read.
   */
  private build(reports: Array<{ report_id: number; unit_id: number; postings: Uint8Array }>): void {
    const views = reports.map((r) => new DataView(r.postings.buffer, r.postings.byteOffset, r.postings.byteLength));
    const low = new Uint32Array(RADIX + 1);
    const high = new Uint32Array(RADIX + 1);
    let n = 0;
    for (const [k, r] of reports.entries()) {
      this.unitOf.set(r.report_id, r.unit_id);
      this.count++;
      this.maxId = Math.max(this.maxId, r.report_id);
      const view = views[k]!;
      for (let at = 0; at < view.byteLength; at += POSTING_BYTES) {
        const key = view.getInt32(at, true) ^ 0x80000000;
        low[(key & 0xffff) + 1]!++;
        high[(key >>> 16) + 1]!++;
        n++;
      }
    }
    for (let d = 1; d <= RADIX; d++) {
      low[d]! += low[d - 1]!;
      high[d]! += high[d - 1]!;
    }
    // By the low 16 bits, in report order.
    let hash = new Int32Array(n);
    let owner = new Int32Array(n);
    let start = new Int32Array(n);
    let end = new Int32Array(n);
    for (const [k, r] of reports.entries()) {
      const view = views[k]!;
      for (let at = 0; at < view.byteLength; at += POSTING_BYTES) {
        const h = view.getInt32(at, true);
        const i = low[(h ^ 0x80000000) & 0xffff]!++;
        hash[i] = h;
        owner[i] = r.report_id;
        start[i] = view.getInt32(at + 4, true);
        end[i] = view.getInt32(at + 8, true);
      }
    }
    views.length = 0;
    reports.length = 0;
    // Then by the high 16 bits, keeping that order within them.
    this.hash = new Int32Array(n);
    this.owner = new Int32Array(n);
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    for (let j = 0; j < n; j++) {
      const h = hash[j]!;
      const i = high[(h ^ 0x80000000) >>> 16]!++;
      this.hash[i] = h;
      this.owner[i] = owner[j]!;
      this.start[i] = start[j]!;
      this.end[i] = end[j]!;
    }
    // The first order goes before the unit counts are allocated.
    hash = owner = start = end = new Int32Array(0);
    this.directory = new Uint32Array((1 << DIRECTORY_BITS) + 1);
    for (let i = 0, b = 0; b <= 1 << DIRECTORY_BITS; b++) {
      while (i < n && (this.hash[i]! ^ 0x80000000) >>> (32 - DIRECTORY_BITS) < b) i++;
      this.directory[b] = i;
    }
    const seen = new Int32Array(Math.max(0, ...this.unitOf.values()) + 1).fill(-1);
    this.units = new Uint16Array(n);
    for (let i = 0; i < n; ) {
      let j = i;
      let units = 0;
      for (; j < n && this.hash[j] === this.hash[i]; j++) {
        const u = this.unitOf.get(this.owner[j]!)!;
        if (seen[u] !== i) {
          seen[u] = i;
          units++;
        }
      }
      this.units.fill(Math.min(units, 0xffff), i, j);
      i = j;
    }
  }

  /** Add one report's postings (a report arriving after the index was built). */
  add(id: number, unitId: number, p: ReportPostings): void {
    this.unitOf.set(id, unitId);
    for (let i = 0; i < p.hashes.length; i++) {
      const h = p.hashes[i]!;
      const list = this.added.get(h);
      const entry: [number, number, number] = [id, p.starts[i]!, p.ends[i]!];
      if (list) list.push(entry);
      else this.added.set(h, [entry]);
    }
    this.count++;
    this.maxId = Math.max(this.maxId, id);
  }

  unitCount(): number {
    return new Set(this.unitOf.values()).size;
  }

  /** First index of hash h in the base arrays (or where it would be). */
  private find(h: number): number {
    const b = (h ^ 0x80000000) >>> (32 - DIRECTORY_BITS);
    let lo = this.directory[b]!;
    let hi = this.directory[b + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.hash[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Calls `each(report, start, end)` for every posting of hash h, in report order. */
  private forEach(h: number, each: (report: number, start: number, end: number) => void): void {
    for (let i = this.find(h); i < this.hash.length && this.hash[i] === h; i++) each(this.owner[i]!, this.start[i]!, this.end[i]!);
    for (const [r, s, e] of this.added.get(h) ?? []) each(r, s, e);
  }

  // A formula's postings, added since the base was built, would be counted whole for every report
  // without the cap.
  async holders(hashes: Int32Array, cap: number): Promise<Int32Array> {
    const out = new Int32Array(hashes.length);
    for (let k = 0; k < hashes.length; k++) {
      const h = hashes[k]!;
      const i = this.find(h);
      const base = this.hash[i] === h ? this.units[i]! : 0;
      if (base >= cap || !this.added.has(h)) {
        out[k] = base;
        continue;
      }
      const units = new Set<number>();
      this.forEach(h, (r) => units.add(this.unitOf.get(r)!));
      out[k] = units.size;
    }
    return out;
  }

  /** Postings of hash h. */
  private postingCount(h: number): number {
    let n = this.added.get(h)?.length ?? 0;
    for (let i = this.find(h); i < this.hash.length && this.hash[i] === h; i++) n++;
    return n;
  }

  async postingsByReport(hashes: Iterable<number>, wanted: (report: number) => boolean, maxPostings: number): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    for (const h of hashes) {
      if (this.postingCount(h) > maxPostings) continue;
      this.forEach(h, (reportId, start) => {
        if (!wanted(reportId)) return;
        const list = out.get(reportId);
        if (list) list.push(h, start);
        else out.set(reportId, [h, start]);
      });
    }
    return out;
  }

  async examples(requests: ExampleRequest[]): Promise<SourceRef[][]> {
    return requests.map((r) => this.examplesOf(r));
  }

  private examplesOf({ first, last, span, exclude, limit }: ExampleRequest): SourceRef[] {
    // Formula hashes can have tens of thousands of postings: stop at the first few reports (however often
    // each repeats the formula, and whether it was indexed in the base or added since), and find each
    // one's `last` by binary search (a hash's postings are in report order, the added ones after the base).
    const out: SourceRef[] = [];
    const firsts: Array<[number, number]> = [];
    let reports = 0;
    let previous = -1;
    const take = (reportId: number, start: number): boolean => {
      if (reportId !== previous) {
        if (reports >= 4 * limit) return false;
        reports++;
        previous = reportId;
      }
      firsts.push([reportId, start]);
      return true;
    };
    for (let i = this.find(first); i < this.hash.length && this.hash[i] === first; i++) if (!take(this.owner[i]!, this.start[i]!)) break;
    for (const [r, s] of this.added.get(first) ?? []) if (!take(r, s)) break;
    const lastFrom = this.find(last);
    const lastTo = last === 0x7fffffff ? this.hash.length : this.find(last + 1);
    for (const [reportId, start] of firsts) {
      if (out.length >= limit) break;
      if (reportId === exclude || out.some((o) => o.reportId === reportId)) continue;
      let end = -1;
      let lo = lastFrom;
      let hi = lastTo;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.owner[mid]! < reportId) lo = mid + 1;
        else hi = mid;
      }
      hi = lo;
      while (hi < lastTo && this.owner[hi] === reportId) hi++;
      const candidates: Array<[number, number]> = [];
      for (let i = lo; i < hi; i++) candidates.push([this.start[i]!, this.end[i]!]);
      for (const [r, s, e] of this.added.get(last) ?? []) if (r === reportId) candidates.push([s, e]);
      for (const [s, e] of candidates) if (s >= start && s <= start + span && (end < 0 || e < end)) end = e;
      if (end >= 0) out.push({ reportId, start, end });
    }
    return out;
  }

  report(db: DbOrTrx, id: number): Promise<CorpusReport> {
    return this.texts.get(db, id);
  }
}

const DIRECTORY_BITS = 20;
/** Values of one radix digit (16 bits). */
const RADIX = 1 << 16;
/** A stored posting: hash, start and end, little-endian 32-bit each (encodePostings). */
const POSTING_BYTES = 12;

/** Stored fingerprints: how many reports, and the largest id. */
async function storedSignature(db: DbOrTrx): Promise<{ count: number; maxId: number }> {
  const r = await db
    .selectFrom('reuse_fingerprints')
    .select([sql<number>`count(*)`.as('n'), sql<number | null>`max(report_id)`.as('m')])
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), maxId: Number(r.m ?? 0) };
}

/** The index kept per database (its Kysely adapter: shared by the instance and its transactions). */
const indexes = new WeakMap<object, CorpusIndex>();

/**
 * The kept index if it still matches the stored fingerprints — after adding `arriving` (reports whose
 * fingerprints were stored since, as in a batch) — else one built from all of them.
 */
export async function currentIndex(db: DbOrTrx, arriving: number[] = []): Promise<CorpusIndex> {
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

// The corpus as indexed rows (PostgreSQL): each fingerprint of each report is a row of reuse_postings,
// indexed by (hash, report, start), so that whichever server process resolves a report asks the database
// about that report's fingerprints instead of holding every report's in its memory. A report's resolution
// makes a handful of queries, each over all its fingerprints at once: how many postings and units each
// hash has (counted in the index, no further than needed), the postings of the rare ones, and examples of
// its stock runs in other reports.
import { sql } from 'kysely';
import type { SourceRef } from './classify.js';
import { type Corpus, type CorpusReport, type DbOrTrx, type ExampleRequest, type ReportPostings, ReportTexts, decodePostings } from './corpus.js';

/**
 * Postings counted per hash: more than any seed may have (MAX_SEED_POSTINGS, 64) and than the stock
 * threshold's units (at most 10). A hash with fewer is counted whole; one with as many is no seed, and is
 * stock once as many units as the threshold are among them (else its units are counted exactly).
 */
const COUNTED = 65;

/** Hashes per query: PostgreSQL takes them as one array parameter. */
const HASHES_PER_QUERY = 8192;

/**
 * Counts kept per resolution (its snapshot cannot change them): a hash's postings (no further than
 * COUNTED) and the distinct units among them, packed into one number. A batch's reports share many
 * hashes, and the reports their copies touch are derived again with the same ones.
 */
const pack = (postings: number, units: number) => postings * 128 + units;
const postingsOf = (count: number) => Math.floor(count / 128);
const unitsOf = (count: number) => count % 128;
/** Hashes whose counts are kept (about 40 bytes each). */
const KEPT_COUNTS = 2_000_000;

/** The texts kept per database (its Kysely adapter), as the in-memory index keeps them. */
const textsByDb = new WeakMap<object, ReportTexts>();

function chunks<T>(xs: T[], size = HASHES_PER_QUERY): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export class PostingRows implements Corpus {
  private readonly counts = new Map<number, number>();
  private readonly units: number;

  private constructor(
    private readonly db: DbOrTrx,
    /** The unit of each indexed report (a few bytes a report: counting units per hash needs them all). */
    private readonly unitOf: Map<number, number>,
    private readonly texts: ReportTexts,
  ) {
    this.units = new Set(unitOf.values()).size;
  }

  /** The corpus as `db` (a transaction, for one consistent snapshot) holds it. */
  static async open(db: DbOrTrx): Promise<PostingRows> {
    const reports = await db.selectFrom('reports as r').innerJoin('reuse_fingerprints as f', 'f.report_id', 'r.id').select(['r.id', 'r.unit_id']).execute();
    const key = db.getExecutor().adapter;
    let texts = textsByDb.get(key);
    if (!texts) textsByDb.set(key, (texts = new ReportTexts()));
    return new PostingRows(db, new Map(reports.map((r) => [r.id, r.unit_id])), texts);
  }

  unitCount(): number {
    return this.units;
  }

  /** Counts of these hashes, from the index (at most COUNTED postings read per hash). */
  private async count(hashes: number[]): Promise<void> {
    // Dropped whole, before this call's hashes are read: its caller reads them next.
    if (this.counts.size > KEPT_COUNTS) this.counts.clear();
    const missing = [...new Set(hashes)].filter((h) => !this.counts.has(h));
    for (const chunk of chunks(missing)) {
      // Each hash's first postings aggregated in the index scan itself: a join with the reports there
      // took three times as long.
      const { rows } = await sql<{ hash: number; postings: number; reports: number[] }>`
        select h.hash, c.postings, c.reports
        from unnest(${chunk}::int4[]) as h(hash)
        cross join lateral (
          select count(*)::int as postings, array_agg(distinct report_id) as reports
          from (select report_id from reuse_postings where hash = h.hash limit ${COUNTED}) p
        ) c`.execute(this.db);
      for (const r of rows) this.counts.set(r.hash, pack(r.postings, r.postings === 0 ? 0 : new Set(r.reports.map((id) => this.unitOf.get(id)!)).size));
    }
  }

  async holders(hashes: Int32Array, cap: number): Promise<Int32Array> {
    await this.count([...hashes]);
    const exact = new Map<number, number>();
    // Rare: more postings than counted, all from fewer units than the cap (one unit's many reports).
    const uncounted = [...new Set(hashes)].filter((h) => {
      const c = this.counts.get(h)!;
      return postingsOf(c) >= COUNTED && unitsOf(c) < cap;
    });
    for (const chunk of chunks(uncounted)) {
      const rows = await this.db
        .selectFrom('reuse_postings as p')
        .innerJoin('reports as r', 'r.id', 'p.report_id')
        .select(['p.hash', sql<number>`count(distinct r.unit_id)::int`.as('units')])
        .where('p.hash', '=', sql<number>`any(${chunk}::int4[])`)
        .groupBy('p.hash')
        .execute();
      for (const r of rows) exact.set(r.hash, r.units);
    }
    return Int32Array.from(hashes, (h) => Math.min(cap, exact.get(h) ?? unitsOf(this.counts.get(h)!)));
  }

  async postingsByReport(hashes: Iterable<number>, wanted: (report: number) => boolean, maxPostings: number): Promise<Map<number, number[]>> {
    let list = [...hashes];
    if (maxPostings < COUNTED) {
      await this.count(list);
      list = list.filter((h) => postingsOf(this.counts.get(h)!) <= maxPostings);
    }
    const byHash = new Map<number, Array<[number, number]>>(list.map((h) => [h, []]));
    for (const chunk of chunks([...byHash.keys()])) {
      const rows = await this.db
        .selectFrom('reuse_postings')
        .select(['hash', 'report_id', 'start'])
        .where('hash', '=', sql<number>`any(${chunk}::int4[])`)
        .orderBy('hash')
        .orderBy('report_id')
        .orderBy('start')
        .execute();
      for (const r of rows) byHash.get(r.hash)!.push([r.report_id, r.start]);
    }
    const out = new Map<number, number[]>();
    for (const h of list) {
      const postings = byHash.get(h)!;
      if (postings.length > maxPostings) continue;
      for (const [reportId, start] of postings) {
        if (!wanted(reportId)) continue;
        const hits = out.get(reportId);
        if (hits) hits.push(h, start);
        else out.set(reportId, [h, start]);
      }
    }
    return out;
  }

  async examples(requests: ExampleRequest[]): Promise<SourceRef[][]> {
    if (requests.length === 0) return [];
    // The postings of each run's first fingerprint in the first few reports holding it (however often
    // each repeats it), then those of its last fingerprint in the same reports.
    const reportsPerFirst = Math.max(...requests.map((r) => 4 * r.limit));
    const firsts = new Map<number, Array<[number, number]>>();
    for (const chunk of chunks([...new Set(requests.map((r) => r.first))])) {
      const { rows } = await sql<{ hash: number; report_id: number; start: number }>`
        select h.hash, p.report_id, p.start
        from unnest(${chunk}::int4[]) as h(hash)
        cross join lateral (
          select report_id, start from reuse_postings
          where hash = h.hash
            and report_id in (select distinct report_id from reuse_postings where hash = h.hash order by report_id limit ${reportsPerFirst})
        ) p
        order by h.hash, p.report_id, p.start`.execute(this.db);
      for (const h of chunk) firsts.set(h, []);
      for (const r of rows) firsts.get(r.hash)!.push([r.report_id, r.start]);
    }
    const leading = requests.map((r) => leadingReports(firsts.get(r.first)!, 4 * r.limit));
    const pairs = new Map<string, [number, number]>();
    requests.forEach((r, i) => {
      for (const [reportId] of leading[i]!) pairs.set(`${r.last}:${reportId}`, [r.last, reportId]);
    });
    const lasts = new Map<string, Array<[number, number]>>();
    for (const chunk of chunks([...pairs.values()])) {
      const { rows } = await sql<{ hash: number; report_id: number; start: number; end: number }>`
        select p.hash, p.report_id, p.start, p."end"
        from unnest(${chunk.map(([h]) => h)}::int4[], ${chunk.map(([, r]) => r)}::int4[]) as q(hash, report_id)
        join reuse_postings p on p.hash = q.hash and p.report_id = q.report_id`.execute(this.db);
      for (const r of rows) {
        const key = `${r.hash}:${r.report_id}`;
        const list = lasts.get(key);
        if (list) list.push([r.start, r.end]);
        else lasts.set(key, [[r.start, r.end]]);
      }
    }
    return requests.map(({ last, span, exclude, limit }, i) => {
      const out: SourceRef[] = [];
      for (const [reportId, start] of leading[i]!) {
        if (out.length >= limit) break;
        if (reportId === exclude || out.some((o) => o.reportId === reportId)) continue;
        let end = -1;
        for (const [s, e] of lasts.get(`${last}:${reportId}`) ?? []) if (s >= start && s <= start + span && (end < 0 || e < end)) end = e;
        if (end >= 0) out.push({ reportId, start, end });
      }
      return out;
    });
  }

  report(db: DbOrTrx, id: number): Promise<CorpusReport> {
    return this.texts.get(db, id);
  }
}

/** Postings ([report, start], in report order) of the first `reports` reports among them. */
function leadingReports(postings: Array<[number, number]>, reports: number): Array<[number, number]> {
  const seen = new Set<number>();
  return postings.filter(([r]) => {
    if (!seen.has(r) && seen.size >= reports) return false;
    seen.add(r);
    return true;
  });
}

/** Store a report's fingerprints as rows (in its ingest transaction, beside reuse_fingerprints). */
export async function storePostingRows(db: DbOrTrx, reportId: number, p: ReportPostings): Promise<void> {
  if (p.hashes.length === 0) return;
  await sql`
    insert into reuse_postings (hash, report_id, start, "end")
    select h, ${reportId}, s, e from unnest(${Array.from(p.hashes)}::int4[], ${Array.from(p.starts)}::int4[], ${Array.from(p.ends)}::int4[]) as t(h, s, e)`.execute(db);
}

/**
 * Rows for the reports indexed before the rows existed (migration 023), from their stored fingerprints;
 * `starting` is called first when there are any. Returns how many reports were given rows.
 */
export async function storeMissingPostingRows(db: DbOrTrx, starting: () => void = () => {}): Promise<number> {
  const missing = await db
    .selectFrom('reuse_fingerprints as f')
    .select('f.report_id')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('reuse_postings as p').select('p.report_id').whereRef('p.report_id', '=', 'f.report_id'))))
    .orderBy('f.report_id')
    .execute();
  if (missing.length > 0) starting();
  for (const { report_id } of missing) {
    const { postings } = await db.selectFrom('reuse_fingerprints').select('postings').where('report_id', '=', report_id).executeTakeFirstOrThrow();
    await storePostingRows(db, report_id, decodePostings(postings));
  }
  return missing.length;
}

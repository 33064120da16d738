// The corpus for a resolution: indexed rows on PostgreSQL, which several server processes share; the
// in-memory index on SQLite, whose single process keeps it between batches, and on PostgreSQL too for a
// bulk resolution, where loading every fingerprint once costs less than asking the rows for each
// report's (the province corpus resolved in one pass: 25 s against 68 s). Either way it is read inside
// the resolver's snapshot and under its lock, so it holds every report committed before, whichever
// process stored it.
import { isPostgres } from '../db/migrations/util.js';
import type { Corpus, DbOrTrx } from './corpus.js';
import { currentIndex } from './memory-index.js';
import { PostingRows } from './posting-rows.js';

/** From this many reports resolved or derived at once, PostgreSQL resolves against the in-memory index. */
export const BULK_RESOLUTION = 32;

/**
 * The corpus as `db` holds it, `arriving` being reports stored since the last call (as in a batch);
 * `reports`: how many reports will be resolved or derived against it.
 */
export function openCorpus(db: DbOrTrx, arriving: number[] = [], reports: number = arriving.length): Promise<Corpus> {
  return isPostgres(db) && reports < BULK_RESOLUTION ? PostingRows.open(db) : currentIndex(db, arriving);
}

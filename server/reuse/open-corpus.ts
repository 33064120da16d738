// The corpus for a resolution: indexed rows on PostgreSQL, which several server processes share; the
// in-memory index on SQLite, whose single process keeps it between batches.
import { isPostgres } from '../db/migrations/util.js';
import type { Corpus, DbOrTrx } from './corpus.js';
import { currentIndex } from './memory-index.js';
import { PostingRows } from './posting-rows.js';

/** The corpus as `db` holds it, `arriving` being reports stored since the last call (as in a batch). */
export function openCorpus(db: DbOrTrx, arriving: number[] = []): Promise<Corpus> {
  return isPostgres(db) ? PostingRows.open(db) : currentIndex(db, arriving);
}

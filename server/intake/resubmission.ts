// A unit's second file for a period that mostly repeats the report already stored for it is a corrected
// version more likely than a second report. Compared only with that unit's live reports of the same year
// and period (one or two), by the share of the stored text's character 6-grams the new text holds.
import type { Period } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { gramHashes } from '../reuse/fingerprint.js';
import { normalizeText } from '../reuse/normalize.js';

/** From this share of the stored report's text repeated, a new file is proposed as its corrected version. */
export const RESUBMISSION_SHARE = 0.8;

function grams(text: string): Set<number> {
  return new Set(gramHashes(normalizeText(text).codes));
}

/** The share of `stored`'s 6-grams that `next` also holds (0 when `stored` has none). */
export function repeatedShare(stored: string, next: string | Set<number>): number {
  const theirs = grams(stored);
  if (theirs.size === 0) return 0;
  const ours = typeof next === 'string' ? grams(next) : next;
  let shared = 0;
  for (const h of theirs) if (ours.has(h)) shared++;
  return shared / theirs.size;
}

export interface Resubmission {
  reportId: number;
  title: string | null;
  ingestedAt: string;
  /** Share of that report's text the new one repeats. */
  share: number;
}

/** The unit's live report of this year and period that `text` repeats the most of, with the share. */
export async function closestStoredVersion(db: Db, unitId: number, year: number, period: Period, text: string): Promise<Resubmission | null> {
  const candidates = await db
    .selectFrom('reports as r')
    .innerJoin('report_texts as t', 't.report_id', 'r.id')
    .select(['r.id', 'r.title', 'r.ingested_at', 't.text'])
    .where('r.unit_id', '=', unitId)
    .where('r.year', '=', year)
    .where('r.period', '=', period)
    .where('r.deleted_at', 'is', null)
    .where('r.superseded_by', 'is', null)
    .where('r.pending', '=', 0)
    .orderBy('r.id', 'desc')
    .limit(5)
    .execute();
  if (candidates.length === 0) return null;
  const ours = grams(text);
  let best: Resubmission | null = null;
  for (const c of candidates) {
    const share = repeatedShare(c.text, ours);
    if (!best || share > best.share) best = { reportId: c.id, title: c.title, ingestedAt: c.ingested_at, share };
  }
  return best;
}

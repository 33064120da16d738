// The derive stage: everything computed from the stored reports rather than from one report's text —
// reuse resolution, problem themes, per-unit summaries, the search words. Called explicitly: after a
// batch, after a batch that was killed, and when stored data predates the current rules (deriveStale).
import type { Db } from '../db/connection.js';
import { exclusively } from '../db/locks.js';
import { finalizeReuse } from '../reuse/index.js';
import { refreshSearchTerms } from '../search/index.js';
import { refreshThemes } from '../themes/index.js';
import { refreshUnitSummaries, unitsOfReports } from './unit-summaries.js';

export { deriveStale } from './stale.js';
export { storeReportSummaries } from './report-summaries.js';
export { refreshUnitSummaries, unitsOfReports } from './unit-summaries.js';

/**
 * Themes for the new statements; the per-unit summaries of every unit whose reports or themes changed; the
 * search words. One process at a time: two batches ending together would both number the same new themes.
 */
export async function deriveAfterBatch(db: Db, stored: readonly number[]): Promise<void> {
  await exclusively(db, 'derive', async () => {
    const { changedReports } = await refreshThemes(db);
    await refreshUnitSummaries(db, await unitsOfReports(db, [...new Set([...stored, ...changedReports])]));
    await refreshSearchTerms(db);
  });
}

/**
 * After a batch killed before its end (the process died): compare the reports it indexed, then derive
 * what a finished batch would have. Run at server start.
 */
export async function finishInterruptedBatch(db: Db): Promise<void> {
  if ((await finalizeReuse(db)).resolved === 0) return;
  await exclusively(db, 'derive', async () => {
    await refreshThemes(db);
    await refreshUnitSummaries(db);
    await refreshSearchTerms(db);
  });
}

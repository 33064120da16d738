// Derived tables (summaries, the list of search words) are filled by the current code, not by the frozen
// migrations that create them: after an upgrade they are empty while their sources are not, and are
// filled here when the database is opened. The same check repairs them after anything that emptied them.
import { type Kysely, sql } from 'kysely';
import { refreshSearchTerms } from '../search/index.js';
import { isPostgres } from './migrations/util.js';
import type { Database } from './schema.js';
import { storeReportSummaries } from './summaries.js';
import { refreshUnitSummaries } from './unit-summaries.js';

async function isEmpty(db: Kysely<Database>, table: keyof Database): Promise<boolean> {
  return (await db.selectFrom(table).select(sql`1`.as('x')).limit(1).executeTakeFirst()) === undefined;
}

export async function fillDerivedTables(db: Kysely<Database>): Promise<void> {
  if (await isEmpty(db, 'reports')) return;
  if (await isEmpty(db, 'report_findings')) await storeReportSummaries(db);
  // Both empty: never derived (a corpus with neither a recurrence nor an unmatched activity is redone, harmlessly).
  if ((await isEmpty(db, 'recurrence_runs')) && (await isEmpty(db, 'unmatched_activities'))) await refreshUnitSummaries(db);
  if (!isPostgres(db) && (await isEmpty(db, 'search_terms'))) await refreshSearchTerms(db);
}

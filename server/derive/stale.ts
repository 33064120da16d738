// Derived data brought up to date by the current code, not by the frozen migrations that create its
// tables: summaries and the list of search words are filled when empty while their sources are not
// (after an upgrade), reuse spans stored under older rules are derived again, and problem themes assigned
// under another codebook (a reviewer edited shared/vocab/problem-themes.json) are assigned again. The CLI
// and the server call it after opening the database; opening it only migrates the schema.
import { type Kysely, sql } from 'kysely';
import { indexUnindexedTexts, refreshSearchTerms } from '../search/index.js';
import { REUSE_RULES, rederiveReuse, reuseRulesCurrent, storeMissingPostingRows } from '../reuse/index.js';
import { isPostgres } from '../db/migrations/util.js';
import type { Database } from '../db/schema.js';
import { setSetting } from '../db/settings.js';
import { refreshThemes, themesCurrent } from '../themes/index.js';
import { storeReportSummaries } from './report-summaries.js';
import { refreshUnitSummaries, unitsOfReports } from './unit-summaries.js';

async function isEmpty(db: Kysely<Database>, table: keyof Database): Promise<boolean> {
  return (await db.selectFrom(table).select(sql`1`.as('x')).limit(1).executeTakeFirst()) === undefined;
}

export async function deriveStale(db: Kysely<Database>): Promise<void> {
  const empty = await isEmpty(db, 'reports');
  // Before anything resolves or derives reuse on PostgreSQL: the rows it looks postings up in.
  if (isPostgres(db) && !empty) {
    const filled = await storeMissingPostingRows(db, () => console.error('正在为已入库报告建立雷同比对索引（升级后一次），报告多时需要几分钟，请稍候……'));
    if (filled > 0) console.error(`已为 ${filled} 份报告建立雷同比对索引`);
  }
  if (!(await reuseRulesCurrent(db))) {
    // Spans stored under older reuse rules: derived again, so that old and new reports compare.
    if (!empty) console.error('正在按新的雷同判定规则重算已入库报告的雷同片段，报告多时需要几十秒，请稍候……');
    if (empty) await setSetting(db, 'reuse_rules', REUSE_RULES);
    else await rederiveReuse(db);
  }
  if (empty) return;
  if (await isEmpty(db, 'report_findings')) await storeReportSummaries(db);
  if (!(await themesCurrent(db))) {
    console.error('问题主题词表或归类规则已更新，正在重新归类已入库的问题表述……');
    const { changedReports } = await refreshThemes(db);
    await refreshUnitSummaries(db, await unitsOfReports(db, changedReports));
  }
  // Both empty: never derived (a corpus with neither a recurrence nor an unmatched activity is redone, harmlessly).
  if ((await isEmpty(db, 'recurrence_runs')) && (await isEmpty(db, 'unmatched_activities'))) await refreshUnitSummaries(db);
  if (isPostgres(db)) await indexUnindexedTexts(db);
  else if (await isEmpty(db, 'search_terms')) await refreshSearchTerms(db);
}

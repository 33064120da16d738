// Each kind of reviewer's correction of the problem themes: it takes effect in the views and in the
// per-unit summaries (recurrences) at once, is written to the audit log, and is still there after the
// themes are assigned again — after a batch, and after the codebook changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCorpus } from '../../seed/generator/index.js';
import { storeDemoReports } from '../../tests/fixtures/store-demo.js';
import { type Db, openDb } from '../db/connection.js';
import { setSetting } from '../db/settings.js';
import { getThemeCatalog, getThemeMembers, getThemes } from '../queries/themes.js';
import { CODEBOOK_SETTING, refreshThemes } from '../themes/index.js';
import { deriveAfterBatch, deriveStale, refreshUnitSummaries } from './index.js';
import { addThemeCue, CorrectionError, mergeThemes, moveStatement, renameTheme, splitTheme } from './theme-corrections.js';

const reviewer = { id: 7, username: 'shenyue' };
let db: Db;

/** The per-unit recurrence runs as stored, to compare with runs derived from scratch. */
async function runs(): Promise<string[]> {
  const rows = await db
    .selectFrom('recurrence_runs as run')
    .innerJoin('recurrence_reports as e', 'e.run_id', 'run.id')
    .select(['run.unit_id', 'run.theme_id', 'run.periods', 'e.report_id'])
    .execute();
  return rows.map((r) => `${r.unit_id}|${r.theme_id}|${r.periods}|${r.report_id}`).sort();
}

/** The stored runs are those a full derivation makes: the correction refreshed the right units. */
async function expectRunsCurrent(): Promise<void> {
  const stored = await runs();
  await refreshUnitSummaries(db);
  expect(await runs()).toEqual(stored);
}

async function themeAt(ref: { report: number; start: number; end: number }): Promise<string | null> {
  const row = await db.selectFrom('problems').select('theme_id').where('report_id', '=', ref.report).where('start', '=', ref.start).where('end', '=', ref.end).executeTakeFirstOrThrow();
  return row.theme_id;
}

async function auditActions(): Promise<string[]> {
  return (await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);
}

/** Assigns again as a later batch and a changed codebook would. */
async function recompute(): Promise<void> {
  await refreshThemes(db);
  await setSetting(db, CODEBOOK_SETTING, 'an older codebook');
  await deriveStale(db);
}

beforeAll(async () => {
  const demo = generateDemoCorpus();
  db = await openDb(':memory:');
  const [y0, y1] = demo.truth.years;
  const ids = await storeDemoReports(
    db,
    demo.reports.filter((r) => r.year === y0 || r.year === y1),
  );
  await deriveAfterBatch(db, [...ids.values()]);
}, 120_000);

afterAll(async () => {
  await db.destroy();
});

describe('theme corrections', () => {
  it('renames a theme; the codebook no longer overwrites the label', async () => {
    await renameTheme(db, reviewer, 'team-talent', '  队伍力量与专业能力 ');
    await recompute();
    const { themes } = await getThemes(db, {});
    expect(themes.find((t) => t.id === 'team-talent')?.label).toBe('队伍力量与专业能力');
    expect((await getThemeCatalog(db)).find((t) => t.id === 'team-talent')?.renamed).toBe(true);
    expect(await auditActions()).toContain('theme.rename');
  });

  it('moves a statement to another theme and another to unassigned; both stay there', async () => {
    const [a, b] = (await getThemeMembers(db, 'theory-study', {})).rows;
    await moveStatement(db, reviewer, a!, 'attention');
    await moveStatement(db, reviewer, b!, null);
    expect(await themeAt(a!)).toBe('attention');
    await expectRunsCurrent();
    await recompute();
    expect(await themeAt(a!)).toBe('attention');
    expect(await themeAt(b!)).toBeNull();
    const unassigned = (await getThemeMembers(db, null, {})).rows;
    expect(unassigned.some((m) => m.report === b!.report && m.start === b!.start)).toBe(true);
    expect((await auditActions()).filter((a) => a === 'theme.move')).toHaveLength(2);
  });

  it('splits statements off into a new theme that keeps them', async () => {
    const picked = (await getThemeMembers(db, 'theory-study', {})).rows.slice(0, 3);
    const { id } = await splitTheme(db, reviewer, 'theory-study', picked, '学用结合不紧');
    expect(id).toBe('r1');
    await expectRunsCurrent();
    await recompute();
    for (const p of picked) expect(await themeAt(p)).toBe('r1');
    const { themes } = await getThemes(db, {});
    expect(themes.find((t) => t.id === 'r1')).toMatchObject({ label: '学用结合不紧', origin: 'reviewer', statements: 3 });
  });

  it('merges two themes: the older id survives, the merge is recorded, and the merged theme’s cues now file statements under the survivor', async () => {
    const before = await getThemes(db, {});
    const count = (id: string) => before.themes.find((t) => t.id === id)?.statements ?? 0;
    expect(count('publicity-targeting')).toBeGreaterThan(0);
    // Either order: the codebook themes are equally old, so the id decides.
    const r = await mergeThemes(db, reviewer, 'publicity-targeting', 'online-opinion');
    expect(r).toEqual({ survivor: 'online-opinion', absorbed: 'publicity-targeting' });
    await expectRunsCurrent();
    await recompute();
    const after = await getThemes(db, {});
    expect(after.themes.map((t) => t.id)).not.toContain('publicity-targeting');
    expect(after.themes.find((t) => t.id === 'online-opinion')?.statements).toBe(count('online-opinion') + count('publicity-targeting'));
    expect((await db.selectFrom('themes').select('merged_into').where('id', '=', 'publicity-targeting').executeTakeFirstOrThrow()).merged_into).toBe('online-opinion');
    expect((await runs()).some((run) => run.split('|')[1] === 'publicity-targeting')).toBe(false);
    // A reviewer's theme is younger than any codebook theme: merged in whichever order, it is absorbed.
    expect(await mergeThemes(db, reviewer, 'team-talent', 'r1')).toEqual({ survivor: 'team-talent', absorbed: 'r1' });
    await expect(mergeThemes(db, reviewer, 'r1', 'attention')).rejects.toThrow(CorrectionError);
  });

  it('adds a cue: the statements that carry it join the theme, now and in later batches', async () => {
    const demo = generateDemoCorpus();
    const unit = demo.reports[0]!;
    const text = (year: number) =>
      `${unit.unit}${year}年意识形态工作总结\n一、工作开展情况\n开展专题学习4次。\n二、存在的问题\n一是垃圾分类工作推进缓慢，居民参与热情不高。二是档案整理工作进度滞后。\n三、下一步打算\n继续加强学习。`;
    const [first] = await storeDemoReports(db, [{ ...unit, fileName: 'extra-2030.txt', year: 2030, text: text(2030) }]);
    await deriveAfterBatch(db, [first![1]]);
    const statement = async (report: number) => (await db.selectFrom('problems').select(['report_id as report', 'start', 'end']).where('report_id', '=', report).orderBy('ord').executeTakeFirstOrThrow());
    const ref = await statement(first![1]);
    expect(await themeAt(ref)).not.toBe('culture-demand');

    const { cue } = await addThemeCue(db, reviewer, 'culture-demand', ' 垃圾分类 ');
    expect(cue).toBe('垃圾分类');
    expect(await themeAt(ref)).toBe('culture-demand');
    await expectRunsCurrent();
    await recompute();
    expect(await themeAt(ref)).toBe('culture-demand');
    expect((await getThemeCatalog(db)).find((t) => t.id === 'culture-demand')?.cues).toEqual(['垃圾分类']);

    const [later] = await storeDemoReports(db, [{ ...unit, fileName: 'extra-2031.txt', year: 2031, text: text(2031) }]);
    await deriveAfterBatch(db, [later![1]]);
    expect(await themeAt(await statement(later![1]))).toBe('culture-demand');
    await expect(addThemeCue(db, reviewer, 'culture-demand', '垃圾分类')).rejects.toThrow(/已有关键词/);
    expect(await auditActions()).toContain('theme.cue');
  }, 60_000);

  it('refuses corrections that cannot be made, with a reason', async () => {
    await expect(renameTheme(db, reviewer, 'attention', '重')).rejects.toThrow(/2 至 30 个字/);
    await expect(mergeThemes(db, reviewer, 'attention', 'attention')).rejects.toThrow(/自己/);
    await expect(moveStatement(db, reviewer, { report: 1, start: 0, end: 1 }, 'attention')).rejects.toMatchObject({ kind: 'not-found' });
    const [other] = (await getThemeMembers(db, 'attention', {})).rows;
    await expect(splitTheme(db, reviewer, 'struggle', [other!], '新主题')).rejects.toThrow(/该主题下/);
    await expect(addThemeCue(db, reviewer, 'attention', '重')).rejects.toThrow(/2 个字以上/);
  });
});

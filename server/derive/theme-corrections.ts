// A reviewer's corrections of the problem themes: rename a theme, merge two, split one, move a statement to
// another theme or to unassigned, add a cue phrase to a theme. Each is stored where a recomputation reads
// it (themes.renamed_by / merged_into, theme_pins, theme_cues), so it outlives the next refresh; each takes
// effect at once in the stored assignments and in the per-unit summaries built on them (recurrences), so
// every view and export shows it; each is written to the audit log. One transaction per correction.
import { audit } from '../auth/audit.js';
import type { SessionUser } from '../../shared/roles.js';
import type { Span } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { reportTexts } from '../db/texts.js';
import { idAllocator, refreshThemes, unitsWithThemes } from '../themes/index.js';
import { normalizeStatement, statementWords } from '../themes/terms.js';
import { refreshUnitSummaries, unitsOfReports } from './unit-summaries.js';

export type Reviewer = Pick<SessionUser, 'id' | 'username'>;

/** A correction that cannot be made: the message is shown to the reviewer as it stands. */
export class CorrectionError extends Error {
  constructor(
    message: string,
    readonly kind: 'not-found' | 'invalid',
  ) {
    super(message);
  }
}

/** A problem statement by its place in a report: the key reviewers' moves are stored under. */
export interface StatementRef extends Span {
  report: number;
}

const ORIGIN_RANK: Record<string, number> = { seed: 0, found: 1, reviewer: 2 };

async function standingTheme(db: Db, id: string) {
  const theme = await db.selectFrom('themes').select(['id', 'label', 'origin', 'created_at', 'merged_into']).where('id', '=', id).executeTakeFirst();
  if (!theme) throw new CorrectionError(`主题 ${id} 不存在`, 'not-found');
  if (theme.merged_into !== null) throw new CorrectionError(`主题“${theme.label}”已并入其他主题`, 'invalid');
  return theme;
}

function checkLabel(label: string): string {
  const l = label.trim();
  if (l.length < 2 || l.length > 30) throw new CorrectionError('主题名称应为 2 至 30 个字', 'invalid');
  return l;
}

async function transaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

export async function renameTheme(db: Db, user: Reviewer, id: string, label: string): Promise<{ id: string; label: string }> {
  const name = checkLabel(label);
  return transaction(db, async (trx) => {
    const theme = await standingTheme(trx, id);
    await trx.updateTable('themes').set({ label: name, renamed_by: user.username }).where('id', '=', id).execute();
    await audit(trx, user, 'theme.rename', `theme:${id}`, { from: theme.label, to: name });
    return { id, label: name };
  });
}

/**
 * Merges two themes: the older one (created first; a codebook theme before a found one) keeps its id and
 * takes the other's statements, pins and cues; the other stays in the table, marked as merged into it.
 */
export async function mergeThemes(db: Db, user: Reviewer, a: string, b: string): Promise<{ survivor: string; absorbed: string }> {
  if (a === b) throw new CorrectionError('不能把主题合并到它自己', 'invalid');
  return transaction(db, async (trx) => {
    const [ta, tb] = [await standingTheme(trx, a), await standingTheme(trx, b)];
    const [survivor, absorbed] = [ta, tb].sort(
      (x, y) => x.created_at.localeCompare(y.created_at) || ORIGIN_RANK[x.origin]! - ORIGIN_RANK[y.origin]! || x.id.localeCompare(y.id),
    ) as [typeof ta, typeof tb];
    const units = await unitsWithThemes(trx, [absorbed.id]);
    await trx.updateTable('themes').set({ merged_into: survivor.id }).where('id', '=', absorbed.id).execute();
    await trx.updateTable('problems').set({ theme_id: survivor.id }).where('theme_id', '=', absorbed.id).execute();
    await trx.updateTable('theme_pins').set({ theme_id: survivor.id }).where('theme_id', '=', absorbed.id).execute();
    // The survivor's own units keep their runs; the absorbed theme's units get runs under the survivor.
    await refreshUnitSummaries(trx, units);
    await audit(trx, user, 'theme.merge', `theme:${survivor.id}`, { survivor: survivor.id, absorbed: absorbed.id, labels: [survivor.label, absorbed.label] });
    return { survivor: survivor.id, absorbed: absorbed.id };
  });
}

/** The stored problem statements at these places (each must exist). */
async function problemsAt(db: Db, refs: readonly StatementRef[]) {
  const out = [];
  for (const r of refs) {
    const p = await db
      .selectFrom('problems')
      .select(['id', 'report_id', 'start', 'end', 'theme_id'])
      .where('report_id', '=', r.report)
      .where('start', '=', r.start)
      .where('end', '=', r.end)
      .executeTakeFirst();
    if (!p) throw new CorrectionError(`报告 ${r.report} 中没有这条问题表述（${r.start}–${r.end}）`, 'not-found');
    out.push(p);
  }
  return out;
}

async function pin(db: Db, user: Reviewer, p: { report_id: number; start: number; end: number }, theme: string | null, now: string): Promise<void> {
  await db
    .insertInto('theme_pins')
    .values({ report_id: p.report_id, start: p.start, end: p.end, theme_id: theme, pinned_by: user.username, pinned_at: now })
    .onConflict((oc) => oc.columns(['report_id', 'start', 'end']).doUpdateSet({ theme_id: theme, pinned_by: user.username, pinned_at: now }))
    .execute();
}

/** Moves a statement to a theme, or to unassigned (null); it stays there when themes are recomputed. */
export async function moveStatement(db: Db, user: Reviewer, ref: StatementRef, theme: string | null): Promise<{ from: string | null; to: string | null }> {
  return transaction(db, async (trx) => {
    if (theme !== null) await standingTheme(trx, theme);
    const [p] = await problemsAt(trx, [ref]);
    await pin(trx, user, p!, theme, new Date().toISOString());
    await trx.updateTable('problems').set({ theme_id: theme }).where('id', '=', p!.id).execute();
    await refreshUnitSummaries(trx, await unitsOfReports(trx, [p!.report_id]));
    await audit(trx, user, 'theme.move', `report:${ref.report}`, { start: ref.start, end: ref.end, from: p!.theme_id, to: theme });
    return { from: p!.theme_id, to: theme };
  });
}

/**
 * Splits statements off a theme into a new one (id r1, r2 …) under the label the reviewer gives; they are
 * pinned there. The new theme takes further statements by its members' words or by cues added to it.
 */
export async function splitTheme(db: Db, user: Reviewer, id: string, refs: readonly StatementRef[], label: string): Promise<{ id: string; label: string }> {
  const name = checkLabel(label);
  if (refs.length === 0) throw new CorrectionError('请选择要拆分出去的问题表述', 'invalid');
  return transaction(db, async (trx) => {
    await standingTheme(trx, id);
    const problems = await problemsAt(trx, refs);
    const stray = problems.find((p) => p.theme_id !== id);
    if (stray) throw new CorrectionError('只能拆分该主题下的问题表述', 'invalid');
    const taken = await trx.selectFrom('themes').select('id').execute();
    const newId = idAllocator(taken, 'r')();
    const texts = await reportTexts(
      trx,
      problems.map((p) => p.report_id),
    );
    const counts = new Map<string, number>();
    for (const p of problems) for (const w of new Set(statementWords(texts.get(p.report_id)?.slice(p.start, p.end) ?? ''))) counts.set(w, (counts.get(w) ?? 0) + 1);
    const terms = [...counts].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([w]) => w);
    const now = new Date().toISOString();
    await trx.insertInto('themes').values({ id: newId, label: name, terms: JSON.stringify(terms), origin: 'reviewer', created_at: now, renamed_by: user.username }).execute();
    for (const p of problems) await pin(trx, user, p, newId, now);
    await trx
      .updateTable('problems')
      .set({ theme_id: newId })
      .where(
        'id',
        'in',
        problems.map((p) => p.id),
      )
      .execute();
    await refreshUnitSummaries(trx, await unitsOfReports(trx, [...new Set(problems.map((p) => p.report_id))]));
    await audit(trx, user, 'theme.split', `theme:${id}`, { from: id, into: newId, label: name, statements: refs.length });
    return { id: newId, label: name };
  });
}

/**
 * Adds a cue phrase to a theme ('A+B': both in one clause) and assigns the corpus again under it, so that it
 * changes the assignments as a codebook cue would; moved statements stay where reviewers put them.
 */
export async function addThemeCue(db: Db, user: Reviewer, id: string, cue: string): Promise<{ cue: string; changedReports: number }> {
  const phrase = normalizeStatement(cue.trim()).replace(/\s+/g, '');
  const parts = phrase.split('+');
  if (phrase.length > 30 || parts.some((p) => p.length < 2)) throw new CorrectionError('关键词应为 2 个字以上的词语，多个词语用“+”连接，共不超过 30 个字', 'invalid');
  return transaction(db, async (trx) => {
    await standingTheme(trx, id);
    const exists = await trx.selectFrom('theme_cues').select('cue').where('theme_id', '=', id).where('cue', '=', phrase).executeTakeFirst();
    if (exists) throw new CorrectionError(`该主题已有关键词“${phrase}”`, 'invalid');
    await trx.insertInto('theme_cues').values({ theme_id: id, cue: phrase, added_by: user.username, added_at: new Date().toISOString() }).execute();
    const { changedReports } = await refreshThemes(trx);
    await refreshUnitSummaries(trx, await unitsOfReports(trx, changedReports));
    await audit(trx, user, 'theme.cue', `theme:${id}`, { cue: phrase, changedReports: changedReports.length });
    return { cue: phrase, changedReports: changedReports.length };
  });
}

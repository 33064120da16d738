// Problem themes of the stored corpus: the I/O around assignThemes. refreshThemes runs after every batch,
// after a reviewer's correction that changes the rules (an added cue) and when the codebook changed since
// the stored assignments were made (server/derive/stale.ts); `yanpan analyze` calls
// assignThemeToStatements to name a single report's themes.
import type { Db } from '../db/connection.js';
import { inChunks } from '../db/insert.js';
import { setSetting } from '../db/settings.js';
import { reportTexts } from '../db/texts.js';
import { assignThemes, codebookThemeDefs, DEFAULT_THEME_OPTIONS, type ThemeDef, type ThemeStatement } from './assign.js';
import { compileLexicon, type CueLexicon } from './lexicon.js';
import { CODEBOOK_HASH, codebook } from './vocab.js';

export { CODEBOOK_HASH } from './vocab.js';
/** The settings key under which the hash of the codebook the stored themes follow is kept. */
export const CODEBOOK_SETTING = 'themes_codebook';

export interface RefreshSummary {
  themes: number;
  assigned: number;
  unassigned: number;
  /** Reports some of whose statements changed theme. */
  changedReports: number[];
}

interface StoredTheme extends ThemeDef {
  mergedInto: string | null;
}

interface StoredStatement extends ThemeStatement {
  id: number;
  start: number;
  end: number;
}

async function loadThemes(db: Db): Promise<StoredTheme[]> {
  const rows = await db.selectFrom('themes').select(['id', 'label', 'terms', 'origin', 'merged_into']).orderBy('created_at').orderBy('id').execute();
  const definitions = new Map(codebook.themes.map((t) => [t.id, t.definition]));
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    terms: JSON.parse(r.terms) as string[],
    origin: r.origin,
    definition: definitions.get(r.id),
    mergedInto: r.merged_into,
  }));
}

/** Absorbed theme → the theme standing at the end of its chain of merges. */
export function mergeTargets(themes: ReadonlyArray<{ id: string; mergedInto: string | null }>): Map<string, string> {
  const next = new Map(themes.filter((t) => t.mergedInto !== null).map((t) => [t.id, t.mergedInto!]));
  const out = new Map<string, string>();
  for (const id of next.keys()) {
    let at = id;
    for (let hops = 0; next.has(at) && hops <= next.size; hops++) at = next.get(at)!;
    out.set(id, at);
  }
  return out;
}

/**
 * Codebook themes into the table: new ones added; labels (unless a reviewer renamed the theme) and terms
 * kept current; themes the codebook says another absorbed marked as merged.
 */
async function syncCodebookThemes(db: Db, now: string): Promise<void> {
  const stored = new Map((await db.selectFrom('themes').select(['id', 'renamed_by', 'merged_into']).execute()).map((r) => [r.id, r]));
  for (const t of codebookThemeDefs()) {
    const row = stored.get(t.id);
    if (!row) await db.insertInto('themes').values({ id: t.id, label: t.label, terms: JSON.stringify(t.terms), origin: 'seed', created_at: now }).execute();
    else await db.updateTable('themes').set({ terms: JSON.stringify(t.terms), ...(row.renamed_by === null ? { label: t.label } : {}) }).where('id', '=', t.id).execute();
  }
  for (const [from, into] of Object.entries(codebook.absorbed)) {
    if (stored.get(from)?.merged_into === null) await db.updateTable('themes').set({ merged_into: into }).where('id', '=', from).execute();
  }
}

/** Found themes are numbered f1, f2 …, reviewers' r1, r2 …, in order of creation; a number is never reused. */
export function idAllocator(themes: ReadonlyArray<{ id: string }>, prefix: 'f' | 'r'): () => string {
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  let n = Math.max(0, ...themes.map((t) => pattern.exec(t.id)).map((m) => (m ? Number(m[1]) : 0)));
  return () => `${prefix}${++n}`;
}

/** The sub-headings problem statements sit under (not their own heading): per report, innermost first. */
async function loadHeadings(db: Db, reportIds: readonly number[]): Promise<Map<number, Array<{ start: number; end: number; bodyStart: number; heading: string; level: number }>>> {
  const rows = await inChunks([...new Set(reportIds)], (chunk) =>
    db.selectFrom('sections').select(['report_id', 'start', 'end', 'marker', 'heading', 'level']).where('report_id', 'in', chunk).where('level', '>=', 2).execute(),
  );
  const out = new Map<number, Array<{ start: number; end: number; bodyStart: number; heading: string; level: number }>>();
  for (const r of rows) {
    const list = out.get(r.report_id) ?? [];
    list.push({ start: r.start, end: r.end, bodyStart: r.start + r.marker.length, heading: r.heading, level: r.level });
    out.set(r.report_id, list);
  }
  for (const list of out.values()) list.sort((a, b) => b.level - a.level);
  return out;
}

/** Every stored problem statement with its text cut from the report, its sub-heading and any reviewer's pin. */
async function loadStatements(db: Db, merged: ReadonlyMap<string, string>): Promise<StoredStatement[]> {
  const problems = await db.selectFrom('problems').select(['id', 'report_id', 'start', 'end', 'theme_id']).orderBy('report_id').orderBy('ord').execute();
  const reportIds = problems.map((p) => p.report_id);
  const [texts, headings, pins] = await Promise.all([
    reportTexts(db, reportIds),
    loadHeadings(db, reportIds),
    db.selectFrom('theme_pins').select(['report_id', 'start', 'end', 'theme_id']).execute(),
  ]);
  const pinOf = new Map(pins.map((p) => [`${p.report_id}:${p.start}:${p.end}`, p.theme_id]));
  const resolve = (id: string | null) => (id === null ? null : (merged.get(id) ?? id));
  const out: StoredStatement[] = [];
  for (const p of problems) {
    const text = texts.get(p.report_id);
    if (text === undefined) continue;
    const pin = pinOf.get(`${p.report_id}:${p.start}:${p.end}`);
    const section = headings.get(p.report_id)?.find((s) => s.start <= p.start && s.end >= p.end && s.bodyStart !== p.start);
    out.push({
      id: p.id,
      report: p.report_id,
      start: p.start,
      end: p.end,
      text: text.slice(p.start, p.end),
      heading: section?.heading ?? null,
      themeId: resolve(pin !== undefined ? pin : p.theme_id),
      pinned: pin !== undefined,
    });
  }
  return out;
}

/** The codebook with the cues reviewers added, credited to the themes that now hold them. */
async function loadLexicon(db: Db, merged: ReadonlyMap<string, string>): Promise<CueLexicon> {
  const cues = await db.selectFrom('theme_cues').select(['theme_id', 'cue']).orderBy('added_at').execute();
  return compileLexicon(codebook, { cues: cues.map((c) => ({ theme: c.theme_id, cue: c.cue })), mergedInto: merged });
}

/**
 * Assigns every stored problem statement afresh — pinned ones stay where a reviewer put them — so that the
 * themes follow the corpus, the codebook and the reviewers' cues; a statement whose theme does not change
 * is not written. Found themes keep their ids as long as they keep members.
 */
export async function refreshThemes(db: Db): Promise<RefreshSummary> {
  const work = async (trx: Db) => {
    const now = new Date().toISOString();
    await syncCodebookThemes(trx, now);
    const all = await loadThemes(trx);
    const merged = mergeTargets(all);
    const themes = all.filter((t) => t.mergedInto === null);
    const [statements, lexicon] = await Promise.all([loadStatements(trx, merged), loadLexicon(trx, merged)]);
    const { assignments, discovered } = assignThemes(statements, themes, idAllocator(all, 'f'), DEFAULT_THEME_OPTIONS, lexicon);
    for (const t of discovered) {
      await trx.insertInto('themes').values({ id: t.id, label: t.label, terms: JSON.stringify(t.terms), origin: 'found', created_at: now }).execute();
    }
    const stored = new Map((await trx.selectFrom('problems').select(['id', 'theme_id']).execute()).map((p) => [p.id, p.theme_id]));
    const changed = new Map<string | null, number[]>();
    const changedReports = new Set<number>();
    statements.forEach((s, i) => {
      const theme = assignments[i] ?? null;
      if (theme === stored.get(s.id)) return;
      changedReports.add(s.report);
      const ids = changed.get(theme);
      if (ids) ids.push(s.id);
      else changed.set(theme, [s.id]);
    });
    for (const [theme, ids] of changed) {
      for (let i = 0; i < ids.length; i += 500) {
        await trx.updateTable('problems').set({ theme_id: theme }).where('id', 'in', ids.slice(i, i + 500)).execute();
      }
    }
    await setSetting(trx, CODEBOOK_SETTING, CODEBOOK_HASH);
    const assigned = assignments.filter((a) => a !== null).length;
    return { themes: themes.length + discovered.length, assigned, unassigned: statements.length - assigned, changedReports: [...changedReports] };
  };
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** The stored theme each text would join (no discovery, nothing stored); null where none fits. */
export async function assignThemeToStatements(db: Db, texts: readonly string[]): Promise<Array<string | null>> {
  if (texts.length === 0) return [];
  const all = await loadThemes(db);
  const merged = mergeTargets(all);
  // Before the first refresh the table is empty; the codebook applies all the same.
  const standing = all.filter((t) => t.mergedInto === null);
  const themes = [...standing, ...codebookThemeDefs().filter((t) => !all.some((s) => s.id === t.id))];
  const [members, lexicon] = await Promise.all([loadStatements(db, merged).then((ss) => ss.filter((s) => s.themeId !== null)), loadLexicon(db, merged)]);
  // Stored statements take part as they stand (pinned to their theme), so that found themes have members.
  const statements: ThemeStatement[] = [...members.map((s) => ({ ...s, pinned: true })), ...texts.map((text) => ({ text, report: -1, themeId: null }))];
  const noDiscovery = { ...DEFAULT_THEME_OPTIONS, discover: false };
  const { assignments } = assignThemes(statements, themes, () => {
    throw new Error('discovery is off');
  }, noDiscovery, lexicon);
  return assignments.slice(members.length);
}

/** Whether the stored themes were assigned under the current codebook and rules. */
export async function themesCurrent(db: Db): Promise<boolean> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', CODEBOOK_SETTING).executeTakeFirst();
  return row?.value === CODEBOOK_HASH;
}

/** Units with a statement in any of the given themes (their per-unit summaries follow a correction). */
export async function unitsWithThemes(db: Db, themeIds: readonly string[]): Promise<number[]> {
  if (themeIds.length === 0) return [];
  const rows = await db
    .selectFrom('problems as p')
    .innerJoin('reports as r', 'r.id', 'p.report_id')
    .where('p.theme_id', 'in', [...themeIds])
    .select('r.unit_id')
    .distinct()
    .execute();
  return rows.map((r) => r.unit_id);
}

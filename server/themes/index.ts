// Problem themes of the stored corpus: the I/O around assignThemes. The lead calls refreshThemes after
// every ingest batch; `yanpan analyze` calls assignThemeToStatements to name a single report's themes.
import type { Db } from '../db/connection.js';
import { reportTexts } from '../db/texts.js';
import { assignThemes, DEFAULT_THEME_OPTIONS, seedThemeDefs, type ThemeDef, type ThemeStatement } from './assign.js';

export interface RefreshSummary {
  themes: number;
  assigned: number;
  unassigned: number;
  /** Reports some of whose statements changed theme. */
  changedReports: number[];
}

interface StoredStatement extends ThemeStatement {
  id: number;
}

/** Every stored problem statement with its text cut from the report. */
async function loadStatements(db: Db): Promise<StoredStatement[]> {
  const problems = await db
    .selectFrom('problems')
    .select(['id', 'report_id', 'start', 'end', 'theme_id'])
    .orderBy('report_id')
    .orderBy('ord')
    .execute();
  const out: StoredStatement[] = [];
  const texts = await reportTexts(
    db,
    problems.map((p) => p.report_id),
  );
  for (const p of problems) {
    const text = texts.get(p.report_id);
    if (text !== undefined) out.push({ id: p.id, report: p.report_id, themeId: p.theme_id, text: text.slice(p.start, p.end) });
  }
  return out;
}

async function loadThemes(db: Db): Promise<ThemeDef[]> {
  const rows = await db.selectFrom('themes').select(['id', 'label', 'terms', 'origin']).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, label: r.label, terms: JSON.parse(r.terms) as string[], origin: r.origin }));
}

/** Seed themes of the vocabulary file into the table: new ones added, labels and terms kept current. */
async function syncSeedThemes(db: Db, now: string): Promise<void> {
  const stored = new Set((await db.selectFrom('themes').select('id').execute()).map((r) => r.id));
  for (const t of seedThemeDefs()) {
    if (stored.has(t.id)) {
      await db.updateTable('themes').set({ label: t.label, terms: JSON.stringify(t.terms) }).where('id', '=', t.id).execute();
    } else {
      await db.insertInto('themes').values({ id: t.id, label: t.label, terms: JSON.stringify(t.terms), origin: 'seed', created_at: now }).execute();
    }
  }
}

/** Found themes are numbered f1, f2 … in order of discovery; a number is never reused. */
function idAllocator(themes: readonly ThemeDef[]): () => string {
  let n = Math.max(0, ...themes.map((t) => /^f(\d+)$/.exec(t.id)).map((m) => (m ? Number(m[1]) : 0)));
  return () => `f${++n}`;
}

/**
 * Assigns every stored problem statement that has no theme yet: to an existing theme first, then to themes
 * discovered among the rest. Assigned statements keep their theme, so ids and past counts stay stable.
 */
export async function refreshThemes(db: Db): Promise<RefreshSummary> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await syncSeedThemes(trx, now);
    const themes = await loadThemes(trx);
    const statements = await loadStatements(trx);
    const { assignments, discovered } = assignThemes(statements, themes, idAllocator(themes));
    for (const t of discovered) {
      await trx.insertInto('themes').values({ id: t.id, label: t.label, terms: JSON.stringify(t.terms), origin: 'found', created_at: now }).execute();
    }
    const changed = new Map<string | null, number[]>();
    const changedReports = new Set<number>();
    statements.forEach((s, i) => {
      const theme = assignments[i] ?? null;
      if (theme === s.themeId) return;
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
    const assigned = assignments.filter((a) => a !== null).length;
    return { themes: themes.length + discovered.length, assigned, unassigned: statements.length - assigned, changedReports: [...changedReports] };
  });
}

/** The stored theme each text would join (no discovery, nothing stored); null where none fits. */
export async function assignThemeToStatements(db: Db, texts: readonly string[]): Promise<Array<string | null>> {
  if (texts.length === 0) return [];
  // Before the first refresh the table is empty; the seed themes apply all the same.
  const stored = await loadThemes(db);
  const themes = [...stored, ...seedThemeDefs().filter((t) => !stored.some((s) => s.id === t.id))];
  const members = (await loadStatements(db)).filter((s) => s.themeId !== null);
  const statements: ThemeStatement[] = [...members, ...texts.map((text) => ({ text, report: -1, themeId: null }))];
  const noDiscovery = { ...DEFAULT_THEME_OPTIONS, discover: false };
  const { assignments } = assignThemes(statements, themes, () => {
    throw new Error('discovery is off');
  }, noDiscovery);
  return assignments.slice(members.length);
}

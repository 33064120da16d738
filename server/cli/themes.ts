// yanpan themes: the problem themes and their statements, as JSON Lines.
import { parseArgs } from 'node:util';
import { defaultDbPath } from '../db/connection.js';
import { refreshUnitSummaries } from '../derive/unit-summaries.js';
import { getThemeMembers, getThemes } from '../queries/themes.js';
import { refreshThemes } from '../themes/index.js';
import { openStore } from './store.js';

export async function themes(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' } } });
  const db = await openStore(defaultDbPath(values.db));
  try {
    // Statements stored before their themes were computed get them now; assigned ones keep theirs.
    await refreshThemes(db);
    await refreshUnitSummaries(db);
    const { themes: list, unassigned } = await getThemes(db, {});
    for (const t of list) {
      const members = (await getThemeMembers(db, t.id, {})).rows.map((m) => ({
        report: String(m.report),
        unit: m.unit,
        year: m.year,
        start: m.start,
        end: m.end,
        text: m.text,
      }));
      process.stdout.write(`${JSON.stringify({ id: t.id, label: t.label, terms: t.terms, statements: t.statements, units: t.units, members })}\n`);
    }
    process.stdout.write(`${JSON.stringify({ unassigned })}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}

// Per-unit findings over each unit's live reports (recurrence_runs/recurrence_reports,
// unmatched_activities): derived here, whenever they may have changed, so that the views read them.
// They change when a unit's live reports change (a batch, a deletion or restoration) or when statements
// get themes (a theme refresh, which can reach any unit).
import type { Kysely } from 'kysely';
import { recurrenceRuns } from '../themes/recurrence.js';
import { inChunks, insertRows } from '../db/insert.js';
import type { Database } from '../db/schema.js';

const CHUNK = 500;

/** The units the given reports belong to. */
export async function unitsOfReports(db: Kysely<Database>, reports: readonly number[]): Promise<number[]> {
  const rows = await inChunks(reports, (chunk) => db.selectFrom('reports').select('unit_id').distinct().where('id', 'in', chunk).execute());
  return [...new Set(rows.map((r) => r.unit_id))];
}

/** Re-derive the summaries of the given units, or of every unit; in one transaction. */
export async function refreshUnitSummaries(db: Kysely<Database>, unitIds?: readonly number[]): Promise<void> {
  if (unitIds?.length === 0) return;
  const work = async (trx: Kysely<Database>) => {
    if (unitIds === undefined) await deriveUnits(trx, undefined);
    else for (let i = 0; i < unitIds.length; i += CHUNK) await deriveUnits(trx, unitIds.slice(i, i + CHUNK));
  };
  await (db.isTransaction ? work(db) : db.transaction().execute(work));
}

async function deriveUnits(db: Kysely<Database>, units: number[] | undefined): Promise<void> {
  const some = units !== undefined;
  // Forget what was derived for these units.
  await db.deleteFrom('unmatched_activities').$if(some, (q) => q.where('unit_id', 'in', units!)).execute();
  const stale = db.selectFrom('recurrence_runs').select('id').$if(some, (q) => q.where('unit_id', 'in', units!));
  await db.deleteFrom('recurrence_reports').where('run_id', 'in', stale).execute();
  await db.deleteFrom('recurrence_runs').$if(some, (q) => q.where('unit_id', 'in', units!)).execute();

  const live = db
    .selectFrom('reports as r')
    .where('r.deleted_at', 'is', null)
    .where('r.superseded_by', 'is', null)
    .where('r.pending', '=', 0)
    .$if(some, (q) => q.where('r.unit_id', 'in', units!));
  const unmatched = live
    .innerJoin('figures as f', 'f.report_id', 'r.id')
    .where('f.category', 'is', null)
    .select((eb) => [
      'r.unit_id',
      'f.activity',
      eb.fn.countAll<number>().as('figures'),
      eb.fn.count<number>('f.report_id').distinct().as('reports'),
      eb.fn.min<number>('f.id').as('first_figure_id'),
    ])
    .groupBy(['r.unit_id', 'f.activity']);
  await db.insertInto('unmatched_activities').columns(['unit_id', 'activity', 'figures', 'reports', 'first_figure_id']).expression(unmatched).execute();

  const [reports, mentions] = await Promise.all([
    live.select(['r.id', 'r.unit_id', 'r.year', 'r.period']).execute(),
    live.innerJoin('problems as p', 'p.report_id', 'r.id').where('p.theme_id', 'is not', null).select(['p.report_id', 'p.theme_id']).distinct().execute(),
  ]);
  const reportOf = new Map(reports.map((r) => [r.id, r]));
  const runs = recurrenceRuns(
    reports.map((r) => ({ id: r.id, unit: r.unit_id, year: r.year, period: r.period })),
    mentions.map((m) => {
      const r = reportOf.get(m.report_id)!;
      return { report: r.id, unit: r.unit_id, year: r.year, period: r.period, theme: m.theme_id! };
    }),
  );
  for (const run of runs) {
    const { id } = await db.insertInto('recurrence_runs').values({ unit_id: run.unit, theme_id: run.theme, periods: run.periods }).returning('id').executeTakeFirstOrThrow();
    await insertRows(
      db,
      'recurrence_reports',
      // The period as stored (typed), not as the recurrence passed it on.
      run.entries.map((e, ord) => ({ run_id: id, report_id: e.report, year: e.year, period: reportOf.get(e.report)!.period, ord })),
    );
  }
}

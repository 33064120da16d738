// Completing or correcting a stored report's metadata (yanpan assign, the 待补充信息 queue): a pending report
// that gets its unit and year joins the comparisons between units — its reuse resolved against the corpus
// then, the derived summaries refreshed; a report filed under the wrong unit moves, and its reuse is
// resolved again (copied or self-reuse depends on the unit). A registry import does the same to the
// reports already stored: units named before the registry knew them join their registry unit, and pending
// reports whose text names a registry unit are assigned to it.
import type { Updateable } from 'kysely';
import type { Period } from '../../shared/types.js';
import { findMetaEvidence, leftoverSpans } from '../analyze/meta.js';
import { splitLines } from '../analyze/text.js';
import type { Db } from '../db/connection.js';
import type { ReportMetaTable } from '../db/schema.js';
import { inChunks } from '../db/insert.js';
import { deriveAfterBatch, refreshUnitSummaries } from '../derive/index.js';
import { finalizeReuse, indexReportReuse } from '../reuse/index.js';
import { resolveSubmission, withRegistryMentions } from './resolve.js';
import { UnitDirectory, unitNamed } from './units.js';

export interface Assignment {
  unit?: string;
  year?: number;
  period?: Period | null;
  /** Store it as the corrected version of the unit's report for the same period (which stays reachable). */
  correction?: boolean;
}

export class AssignError extends Error {}

export interface Assigned {
  id: number;
  unit: string | null;
  year: number | null;
  period: Period | null;
  status: 'ok' | 'pending';
  /** The report this one replaces as its corrected version. */
  replaced?: number;
}

interface Change {
  id: number;
  unitId?: number;
  year?: number;
  period?: Period | null;
  correction?: boolean;
}

/** Applies one change in a transaction; returns what the derive step needs to know. */
async function apply(db: Db, c: Change): Promise<{ assigned: Assigned; units: number[]; reresolve: boolean }> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom('reports as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .leftJoin('report_meta as m', 'm.report_id', 'r.id')
      .select(['r.id', 'r.unit_id', 'r.year', 'r.period', 'r.pending', 'r.deleted_at', 'u.kind', 'm.resubmission_of', 'm.report_id as has_meta'])
      .where('r.id', '=', c.id)
      .executeTakeFirst();
    if (!r) throw new AssignError(`没有编号为 ${c.id} 的报告`);
    if (r.deleted_at) throw new AssignError(`报告 ${c.id} 已删除，请先从回收站恢复`);
    const unitId = c.unitId ?? r.unit_id;
    const year = c.year ?? r.year;
    const period = c.period === undefined ? (r.period as Period | null) : c.period;
    const unitKind = unitId === r.unit_id ? r.kind : 'found';
    const pending = unitKind === 'pending' || year === null;
    await trx.updateTable('reports').set({ unit_id: unitId, year, period, pending: pending ? 1 : 0 }).where('id', '=', r.id).execute();
    // What a person set is an option; the decision on a likely resubmission is made.
    const meta: Updateable<ReportMetaTable> = { resubmission_of: null, resubmission_share: null };
    if (unitId !== r.unit_id) Object.assign(meta, { unit_source: 'option', unit_rule: null, unit_start: null, unit_end: null });
    if (c.year !== undefined) Object.assign(meta, { year_source: 'option', year_rule: null, year_start: null, year_end: null });
    if (c.period !== undefined) Object.assign(meta, { period_source: 'option', period_rule: null, period_start: null, period_end: null });
    if (r.has_meta === null) await trx.insertInto('report_meta').values({ report_id: r.id, ...meta }).execute();
    else await trx.updateTable('report_meta').set(meta).where('report_id', '=', r.id).execute();

    let replaced: number | undefined;
    let reresolve = false;
    if (!pending) {
      if (r.pending === 1) {
        // Queued now, resolved once this transaction has committed.
        await indexReportReuse(trx, r.id);
        reresolve = true;
      } else if (unitId !== r.unit_id) {
        await trx.updateTable('reuse_reports').set({ resolved: 0 }).where('report_id', '=', r.id).execute();
        reresolve = true;
      }
      if (c.correction && year !== null && period !== null) {
        const previous = await trx
          .selectFrom('reports')
          .select('id')
          .where('unit_id', '=', unitId)
          .where('year', '=', year)
          .where('period', '=', period)
          .where('id', '<>', r.id)
          .where('deleted_at', 'is', null)
          .where('superseded_by', 'is', null)
          .where('pending', '=', 0)
          .orderBy((eb) => eb.case().when('id', '=', r.resubmission_of).then(0).else(1).end())
          .orderBy('id', 'desc')
          .executeTakeFirst();
        if (previous) {
          await trx.updateTable('reports').set({ superseded_by: r.id }).where('id', '=', previous.id).execute();
          replaced = previous.id;
        }
      }
    }
    const unit = await trx.selectFrom('units').select(['name', 'kind']).where('id', '=', unitId).executeTakeFirstOrThrow();
    return {
      assigned: { id: r.id, unit: unit.kind === 'pending' ? null : unit.name, year, period, status: pending ? 'pending' : 'ok', ...(replaced === undefined ? {} : { replaced }) },
      units: [...new Set([r.unit_id, unitId])],
      reresolve,
    };
  });
}

async function afterChanges(db: Db, ids: number[], units: number[], reresolve: boolean): Promise<void> {
  if (reresolve) await finalizeReuse(db);
  await deriveAfterBatch(db, ids);
  await refreshUnitSummaries(db, units);
}

/** Completes or corrects a report's unit, year or period. Throws AssignError. */
export async function assignReport(db: Db, id: number, a: Assignment): Promise<Assigned> {
  if (a.unit === undefined && a.year === undefined && a.period === undefined && !a.correction) throw new AssignError('请至少给出单位、年度或期别之一');
  const name = a.unit?.trim();
  if (name === '') throw new AssignError('单位名称不能为空');
  const unitId = name === undefined ? undefined : (await unitNamed(db, await UnitDirectory.load(db), name)).unit.id;
  const { assigned, units, reresolve } = await apply(db, { id, unitId, year: a.year, period: a.period, correction: a.correction });
  await afterChanges(db, [id, ...(assigned.replaced === undefined ? [] : [assigned.replaced])], units, reresolve);
  return assigned;
}

/**
 * After the registry changed: units named before it knew them join their registry unit (their spelling
 * kept as an alias), and pending reports whose text names a registry unit are assigned to it.
 */
export async function rematchStored(db: Db): Promise<{ merged: number; assigned: number }> {
  const dir = await UnitDirectory.load(db);
  const found = await db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'found').execute();
  const changedReports: number[] = [];
  const changedUnits: number[] = [];
  let merged = 0;
  for (const u of found) {
    const m = dir.registry.match(u.name);
    if (!m || m.unitId === u.id) continue;
    await db.transaction().execute(async (trx) => {
      const moved = await trx.updateTable('reports').set({ unit_id: m.unitId }).where('unit_id', '=', u.id).returning(['id', 'pending']).execute();
      await trx.updateTable('users').set({ unit_id: m.unitId }).where('unit_id', '=', u.id).execute();
      const alias = await trx.selectFrom('unit_aliases').select('alias').where('alias', '=', u.name).executeTakeFirst();
      if (!alias) await trx.insertInto('unit_aliases').values({ alias: u.name, unit_id: m.unitId }).execute();
      const live = moved.filter((r) => r.pending === 0).map((r) => r.id);
      await inChunks(live, (chunk) => trx.updateTable('reuse_reports').set({ resolved: 0 }).where('report_id', 'in', chunk).execute());
      await refreshUnitSummaries(trx, [u.id]);
      await trx.deleteFrom('units').where('id', '=', u.id).execute();
      changedReports.push(...moved.map((r) => r.id));
    });
    changedUnits.push(m.unitId);
    merged++;
  }
  // Pending reports whose unit is unknown: read again against the registry.
  const pending = await db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('report_texts as t', 't.report_id', 'r.id')
    .select(['r.id', 'r.file_name', 't.text'])
    .where('r.pending', '=', 1)
    .where('u.kind', '=', 'pending')
    .where('r.deleted_at', 'is', null)
    .execute();
  let assigned = 0;
  for (const r of pending) {
    const notReport = leftoverSpans(r.text);
    const evidence = findMetaEvidence(r.text, null, splitLines(r.text), r.file_name ?? undefined, notReport);
    const resolution = resolveSubmission({}, withRegistryMentions(evidence, r.text, dir, notReport), null, dir);
    if (!resolution.unit || resolution.provenance.unit.source !== 'registry') continue;
    const { assigned: a, units } = await apply(db, { id: r.id, unitId: resolution.unit.id });
    await db
      .updateTable('report_meta')
      .set({ unit_source: 'registry', unit_rule: resolution.provenance.unit.rule, unit_start: resolution.provenance.unit.span?.start ?? null, unit_end: resolution.provenance.unit.span?.end ?? null })
      .where('report_id', '=', r.id)
      .execute();
    changedReports.push(a.id);
    changedUnits.push(...units);
    assigned++;
  }
  if (changedReports.length > 0) await afterChanges(db, changedReports, [...new Set(changedUnits)], merged > 0);
  return { merged, assigned };
}

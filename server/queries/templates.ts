// The template library view (范文库): each template with the reports in scope that took text from it,
// and how much. Templates belong to no unit; the filters select the reports counted.
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import type { Period } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { asTemplateKind } from '../reuse/library.js';
import { applyFilters, reportsWithUnits } from './filters.js';

function uses(db: Db, f: Filters) {
  return applyFilters(reportsWithUnits(db).innerJoin('reuse_template_pairs as tp', 'tp.report_id', 'r.id'), f);
}

/** Every template, newest first, with the reports in scope that used it and the characters they took. */
export async function listTemplates(db: Db, f: Filters) {
  const [templates, used] = await Promise.all([
    db
      .selectFrom('templates')
      .select(['id', 'title', 'kind', 'source_url as sourceUrl', 'file_name as fileName', 'chars', 'added_at as addedAt', 'added_by as addedBy'])
      .orderBy('id', 'desc')
      .execute(),
    uses(db, f)
      .select(['tp.template_id', sql<number>`count(*)`.as('reports'), sql<number>`count(distinct u.id)`.as('units'), sql<number>`sum(tp.chars)`.as('chars')])
      .groupBy('tp.template_id')
      .execute(),
  ]);
  const byTemplate = new Map(used.map((u) => [u.template_id, u]));
  return templates.map((t) => {
    const u = byTemplate.get(t.id);
    return { ...t, kind: asTemplateKind(t.kind), reports: Number(u?.reports ?? 0), units: Number(u?.units ?? 0), takenChars: Number(u?.chars ?? 0) };
  });
}

/** The reports in scope that took text from a template (or from any, with the template named), most taken first. */
export async function getTemplateUses(db: Db, f: Filters, templateId?: number, limit = 500) {
  const rows = await uses(db, f)
    .innerJoin('templates as t', 't.id', 'tp.template_id')
    .$if(templateId !== undefined, (q) => q.where('tp.template_id', '=', templateId!))
    .select(['r.id', 'u.name as unit', 'u.department', 'r.year', 'r.period', 'r.chars as reportChars', 'tp.chars', 't.id as templateId', 't.title', 't.kind', 't.source_url as sourceUrl'])
    .orderBy('tp.chars', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, kind: asTemplateKind(r.kind), period: r.period as Period | null, share: r.reportChars > 0 ? r.chars / r.reportChars : 0 }));
}

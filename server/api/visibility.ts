// What each role may see of a report and of other units, decided on the server. A submitter sees its own
// unit's reports; where another unit's report is involved (a reuse source, a duplicate of its upload) it
// learns that there is one — "另一单位" — but neither the unit's name nor the report's id or title.
// Deleted reports are for administrators only (the 回收站).
import type { SessionUser } from '../../shared/roles.js';
import type { ReportReuse, ReuseSource } from '../../shared/types.js';
import type { Db } from '../db/connection.js';

export const OTHER_UNIT = '另一单位';

const isSubmitter = (user: SessionUser) => user.role === 'submitter';

/** Whose a report is and whether it is deleted: what every read by id is decided on. */
export function reportOwnership(db: Db, id: number) {
  return db.selectFrom('reports').select(['unit_id as unitId', 'deleted_at as deletedAt']).where('id', '=', id).executeTakeFirst();
}

/** May this user read the report by id (its text, its reuse, its original)? */
export function mayReadReport(user: SessionUser, report: { unitId: number; deletedAt: string | null } | undefined): boolean {
  if (!report) return false;
  if (report.deletedAt !== null && user.role !== 'admin') return false;
  return !isSubmitter(user) || report.unitId === user.unitId;
}

/** A source as the user may see it: another unit's report without its unit's name or its id. */
function sourceForViewer<S extends Pick<ReuseSource, 'id' | 'unit'>>(user: SessionUser, s: S): S {
  if (!isSubmitter(user) || s.unit === user.unitName) return s;
  return { ...s, id: '', unit: OTHER_UNIT };
}

export function reuseForViewer(user: SessionUser, reuse: ReportReuse): ReportReuse {
  if (!isSubmitter(user)) return reuse;
  // A template span names a library text, not a unit: shown as it is.
  return { ...reuse, spans: reuse.spans.map((span) => (span.kind === 'template' ? span : { ...span, sources: span.sources.map((s) => sourceForViewer(user, s)) })) };
}

/** Copied passages (the export table) with their sources' units and report ids hidden from a submitter. */
export function passagesForViewer<P extends { sources: Array<{ id: number; unit: string }> }>(user: SessionUser | null, passages: P[]): P[] {
  if (!user || !isSubmitter(user)) return passages;
  return passages.map((p) => ({ ...p, sources: p.sources.map((s) => (s.unit === user.unitName ? s : { ...s, id: 0, unit: OTHER_UNIT })) }));
}

/** The stored report an upload duplicates, as the uploader may see it. */
export function duplicateForViewer(
  user: SessionUser,
  dup: { reportId: number; unitId: number; deletedAt: string | null; unit: string; title: string | null },
): { reportId: number | null; unit: string; title: string | null } {
  if (isSubmitter(user) && dup.unitId !== user.unitId) return { reportId: null, unit: OTHER_UNIT, title: null };
  // A deleted twin is named but not linked for those who cannot open it.
  return { reportId: mayReadReport(user, dup) ? dup.reportId : null, unit: dup.unit, title: dup.title };
}

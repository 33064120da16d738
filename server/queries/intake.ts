// Intake's views: each report with where its unit, year and period came from (`yanpan reports`, the
// report view), and the 待补充信息 queue — pending reports with why they wait and the units they may
// belong to, ranked from what their text names.
import { META_RULE_LABELS, type MetaRule, type MetaSource, type Period } from '../../shared/types.js';
import { findMetaEvidence, leftoverSpans, registryMentions } from '../analyze/meta.js';
import { splitLines } from '../analyze/text.js';
import { rankUnits, UnitRegistry } from '../analyze/units.js';
import type { Db } from '../db/connection.js';
import { listUnits } from '../intake/units.js';

export const PENDING_REASONS = ['unit', 'year', 'resubmission'] as const;
export type PendingReason = (typeof PENDING_REASONS)[number];

export const PENDING_REASON_LABELS: Record<PendingReason, string> = {
  unit: '未能确定报送单位',
  year: '未能确定年度',
  resubmission: '疑似已入库报告的更正版本',
};

const asPeriod = (p: string | null) => p as Period | null;

function provenanceQuery(db: Db) {
  return db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('report_meta as m', 'm.report_id', 'r.id')
    .where('r.deleted_at', 'is', null)
    .select([
      'r.id',
      'r.file_name',
      'u.name as unit',
      'u.kind as unit_kind',
      'u.department',
      'r.year',
      'r.period',
      'r.title',
      'r.pending',
      'r.superseded_by',
      'r.ingested_at',
      'r.chars',
      'm.unit_source',
      'm.unit_rule',
      'm.unit_start',
      'm.unit_end',
      'm.year_source',
      'm.year_rule',
      'm.year_start',
      'm.year_end',
      'm.period_source',
      'm.period_rule',
      'm.period_start',
      'm.period_end',
      'm.resubmission_of',
      'm.resubmission_share',
    ]);
}

type ProvenanceRow = Awaited<ReturnType<ReturnType<typeof provenanceQuery>['execute']>>[number];

function reasons(r: ProvenanceRow): PendingReason[] {
  if (r.pending !== 1) return [];
  return PENDING_REASONS.filter((k) => (k === 'unit' ? r.unit_kind === 'pending' : k === 'year' ? r.year === null : r.resubmission_of !== null));
}

const span = (start: number | null, end: number | null) => (start !== null && end !== null ? { start, end } : null);

function grounds(source: string | null, rule: string | null, start: number | null, end: number | null) {
  return { source: source as MetaSource | null, rule: rule as MetaRule | null, ruleLabel: rule ? (META_RULE_LABELS[rule as MetaRule] ?? rule) : null, span: span(start, end) };
}

/** One line of `yanpan reports` (../shared/CONTRACT.md), with why a pending report waits. */
function contractLine(r: ProvenanceRow) {
  return {
    id: String(r.id),
    file: r.file_name,
    unit: r.unit_kind === 'pending' ? null : r.unit,
    department: r.department,
    year: r.year,
    period: asPeriod(r.period),
    title: r.title,
    status: r.pending === 1 ? ('pending' as const) : ('ok' as const),
    meta_source: { unit: r.unit_source as MetaSource | null, year: r.year_source as MetaSource | null, period: r.period_source as MetaSource | null },
    unit_evidence: span(r.unit_start, r.unit_end),
    pending_reasons: reasons(r),
    resubmission_of: r.resubmission_of === null ? null : String(r.resubmission_of),
    superseded_by: r.superseded_by === null ? null : String(r.superseded_by),
  };
}

/** Every stored report (not deleted), or only the pending ones, in id order. */
export async function listReportProvenance(db: Db, opts: { pendingOnly?: boolean } = {}) {
  const rows = await provenanceQuery(db)
    .$if(opts.pendingOnly === true, (q) => q.where('r.pending', '=', 1))
    .orderBy('r.id')
    .execute();
  return rows.map(contractLine);
}

/** The grounds of one report's metadata, for the report view (null when the report does not exist). */
export async function getReportProvenance(db: Db, id: number) {
  const r = await provenanceQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!r) return null;
  return {
    status: r.pending === 1 ? ('pending' as const) : ('ok' as const),
    reasons: reasons(r).map((k) => ({ kind: k, label: PENDING_REASON_LABELS[k] })),
    unit: grounds(r.unit_source, r.unit_rule, r.unit_start, r.unit_end),
    year: grounds(r.year_source, r.year_rule, r.year_start, r.year_end),
    period: grounds(r.period_source, r.period_rule, r.period_start, r.period_end),
    resubmission: r.resubmission_of === null ? null : { reportId: r.resubmission_of, share: r.resubmission_share ?? 0 },
  };
}

/** How many reports wait in the queue. */
export async function countPending(db: Db): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pending', '=', 1)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The 待补充信息 queue, oldest first: why each report waits, and the units its text may name, ranked. */
export async function getPendingQueue(db: Db, page = 1, pageSize = 50) {
  const [total, rows, units] = await Promise.all([
    countPending(db),
    provenanceQuery(db)
      .innerJoin('report_texts as t', 't.report_id', 'r.id')
      .select('t.text')
      .where('r.pending', '=', 1)
      .orderBy('r.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    listUnits(db),
  ]);
  const known = new UnitRegistry(units.map((u) => ({ id: u.id, name: u.name, aliases: u.aliases })));
  const byId = new Map(units.map((u) => [u.id, u]));
  const previous = await Promise.all(
    rows.map((r) => (r.resubmission_of === null ? null : db.selectFrom('reports').select(['id', 'title', 'file_name']).where('id', '=', r.resubmission_of).executeTakeFirst())),
  );
  return {
    total,
    rows: rows.map((r, i) => {
      const notReport = leftoverSpans(r.text);
      const evidence = findMetaEvidence(r.text, null, splitLines(r.text), r.file_name ?? undefined, notReport);
      const mentions = [...evidence.units, ...registryMentions(r.text, known, notReport)];
      const before = previous[i];
      return {
        id: r.id,
        fileName: r.file_name,
        title: r.title,
        unit: r.unit_kind === 'pending' ? null : r.unit,
        department: r.department,
        year: r.year,
        period: asPeriod(r.period),
        chars: r.chars,
        ingestedAt: r.ingested_at,
        reasons: reasons(r).map((k) => ({ kind: k, label: PENDING_REASON_LABELS[k] })),
        resubmission: before ? { reportId: before.id, title: before.title, fileName: before.file_name, share: r.resubmission_share ?? 0 } : null,
        /** What the text names, for the reviewer (the name as written and where). */
        named: evidence.units.slice(0, 3).map((m) => ({ name: m.name, rule: m.rule, ruleLabel: META_RULE_LABELS[m.rule] })),
        candidates: rankUnits(mentions, known).map((c) => {
          const u = byId.get(c.unitId)!;
          return { unit: u.name, department: u.department, registered: u.registered, score: Math.round(c.score * 100) / 100, via: c.via, how: c.how };
        }),
      };
    }),
  };
}

export type PendingQueueRow = Awaited<ReturnType<typeof getPendingQueue>>['rows'][number];

// Queries for the activity views: reported activities (figures) per category, by unit, department or
// year; the units that report none of a category; and the activities no category matched, so that a
// reviewer can extend shared/vocab/activity-categories.json.
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import { vocab } from '../analyze/vocab.js';
import type { Db } from '../db/connection.js';
import { applyFilters, nullsLow, reportsWithUnits, unitFilters } from './filters.js';

/** The activity categories in vocabulary order. */
export function activityCategories(): string[] {
  return vocab.categories.categories.map((c) => c.category);
}

function figuresJoined(db: Db) {
  return db
    .selectFrom('figures as f')
    .innerJoin('reports as r', 'r.id', 'f.report_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id');
}

export const ACTIVITY_GROUPINGS = ['unit', 'department', 'year'] as const;
export type ActivityGrouping = (typeof ACTIVITY_GROUPINGS)[number];

export interface ActivityCell {
  /** Unit name, department or year, as asked. */
  group: string | number | null;
  /** null: no category matched the activity. */
  category: string | null;
  /** Reported activities (figures), placeholders included. */
  figures: number;
  /** Sum of the reported counts (money, percentages and placeholders left out). */
  total: number;
  /** Figures whose number is a placeholder (X次). */
  placeholders: number;
  /** Reports of the group reporting an activity of the category … */
  reports: number;
  /** … of all the group's reports in scope (what a share is of). */
  base: number;
}

/** Number of reported activities and summed counts per category, by unit, department or year, with the reports behind them. */
export async function getActivityByCategory(db: Db, f: Filters, by: ActivityGrouping): Promise<ActivityCell[]> {
  const group = by === 'unit' ? 'u.name' : by === 'department' ? 'u.department' : 'r.year';
  const [rows, bases] = await Promise.all([
    applyFilters(reportsWithUnits(db).innerJoin('report_activity as a', 'a.report_id', 'r.id'), f)
      .select([
        `${group} as group`,
        'a.category',
        sql<number>`sum(a.figures)`.as('figures'),
        sql<number>`sum(a.total)`.as('total'),
        sql<number>`sum(a.placeholders)`.as('placeholders'),
        // report_activity holds one row per report and category.
        sql<number>`count(*)`.as('reports'),
      ])
      .groupBy([group, 'a.category'])
      .orderBy(group, nullsLow())
      .orderBy('a.category')
      .execute(),
    applyFilters(reportsWithUnits(db), f)
      .select([`${group} as group`, sql<number>`count(*)`.as('n')])
      .groupBy(group)
      .execute(),
  ]);
  const baseOf = new Map(bases.map((b) => [b.group, Number(b.n)]));
  return rows.map((r) => ({
    group: r.group,
    category: r.category === '' ? null : r.category,
    figures: Number(r.figures),
    total: Number(r.total),
    placeholders: Number(r.placeholders),
    reports: Number(r.reports),
    base: baseOf.get(r.group) ?? 0,
  }));
}

export interface MissingCategory {
  category: string;
  /** Units with reports in scope that report no activity of the category. */
  units: Array<{ unit: string; department: string | null; reports: number }>;
}

/** For each category, the units in scope that report none of it. */
export async function getUnitsMissingCategory(db: Db, f: Filters): Promise<MissingCategory[]> {
  const [units, reported] = await Promise.all([
    applyFilters(reportsWithUnits(db), f)
      .select(['u.name', 'u.department', sql<number>`count(*)`.as('reports')])
      .groupBy(['u.name', 'u.department'])
      .orderBy('u.department', nullsLow())
      .orderBy('u.name')
      .execute(),
    applyFilters(reportsWithUnits(db).innerJoin('report_activity as a', 'a.report_id', 'r.id'), f)
      .where('a.category', '<>', '')
      .select(['u.name', 'a.category'])
      .distinct()
      .execute(),
  ]);
  const has = new Set(reported.map((r) => `${r.category}\u0000${r.name}`));
  return activityCategories().map((category) => ({
    category,
    units: units
      .filter((u) => !has.has(`${category}\u0000${u.name}`))
      .map((u) => ({ unit: u.name, department: u.department, reports: u.reports })),
  }));
}

export interface UnmatchedActivity {
  activity: string;
  figures: number;
  reports: number;
  units: number;
  /** One place it stands, for the reviewer to read it in context. */
  example: { report: number; start: number; end: number };
}

/**
 * Activities no category matched, most frequent first. Without a year or period filter they are read
 * from the per-unit summaries (unmatched_activities); within a year or period, from the figures.
 */
export async function getUnmatchedActivities(db: Db, f: Filters, limit = 200): Promise<UnmatchedActivity[]> {
  const perUnit = f.year === undefined && !f.period;
  const rows = perUnit
    ? await unitFilters(db.selectFrom('unmatched_activities as a').innerJoin('units as u', 'u.id', 'a.unit_id'), f)
        .where('a.activity', 'not in', vocab.figures.bareVerbs)
        .select([
          'a.activity',
          sql<number>`sum(a.figures)`.as('figures'),
          sql<number>`sum(a.reports)`.as('reports'),
          sql<number>`count(*)`.as('units'),
          sql<number>`min(a.first_figure_id)`.as('first'),
        ])
        .groupBy('a.activity')
        .orderBy(sql`sum(a.figures)`, 'desc')
        .orderBy('a.activity')
        .limit(limit)
        .execute()
    : await unmatchedFromFigures(db, f, limit);
  const firsts = rows.length
    ? await db.selectFrom('figures').select(['id', 'report_id', 'sentence_start', 'sentence_end']).where('id', 'in', rows.map((r) => r.first)).execute()
    : [];
  const byId = new Map(firsts.map((x) => [x.id, x]));
  return rows.map((r) => {
    const ex = byId.get(r.first)!;
    return {
      activity: r.activity,
      figures: r.figures,
      reports: r.reports,
      units: r.units,
      example: { report: ex.report_id, start: ex.sentence_start, end: ex.sentence_end },
    };
  });
}

/** The unmatched activities counted from the figures of the reports in scope. */
export function unmatchedFromFigures(db: Db, f: Filters, limit: number) {
  return applyFilters(figuresJoined(db), f)
    .where('f.category', 'is', null)
    // A verb alone (参与, 覆盖) names no activity a reviewer could add to the categories.
    .where('f.activity', 'not in', vocab.figures.bareVerbs)
    .select([
      'f.activity',
      sql<number>`count(*)`.as('figures'),
      sql<number>`count(distinct r.id)`.as('reports'),
      sql<number>`count(distinct u.id)`.as('units'),
      sql<number>`min(${sql.ref('f.id')})`.as('first'),
    ])
    .groupBy('f.activity')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('f.activity')
    .limit(limit)
    .execute();
}

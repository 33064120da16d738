import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { getFilterOptions, getHeadlineBaselines, getHeadlines, getMissingSubmissions, getReportsByDepartmentYear, getReportsNeedingReview } from '../queries/overview.js';
import { getReport, listDeletedReports, listReports, REPORT_SORTS, setReportDeleted } from '../queries/reports.js';
import { audit } from '../auth/audit.js';
import { ACTIVITY_GROUPINGS, activityCategories, getActivityByCategory, getUnitsMissingCategory, getUnmatchedActivities } from '../queries/activity.js';
import { listFigures } from '../queries/figures.js';
import { getRecurrences, getThemeMembers, getThemes, getThemesByDepartment, getThemeTrends } from '../queries/themes.js';
import { getComparison, getCounterparts } from '../queries/compare.js';
import { GRAPH_EDGES, getCopyGraph, getMostCopiedReports, getReuseByDepartmentYear, getTopCopiedPassages } from '../queries/reuse.js';
import { getTemplateUses, listTemplates } from '../queries/templates.js';
import { getUnitComparison, getUnitHistory } from '../queries/units.js';
import { getUnitBaselines } from '../queries/baselines.js';
import { getReportReuse, removeTemplate } from '../reuse/index.js';
import { searchReports } from '../search/index.js';
import type { SessionUser } from '../../shared/roles.js';
import type { Db } from '../db/connection.js';
import { adminRouter } from './admin.js';
import { intakeRouter, registryRouter } from './intake.js';
import { themeCorrectionProcedures } from './theme-corrections.js';
import { mayReadReport, reportOwnership, reuseForViewer } from './visibility.js';
import { adminProcedure, filtersInput, memberProcedure, publicProcedure, reviewerProcedure, router, scopeFilters } from './trpc.js';

const notFound = (id: number) => new TRPCError({ code: 'NOT_FOUND', message: `报告 ${id} 不存在` });

/** Refuses, as not found, a report the user may not read (another unit's; a deleted one unless administrator). */
async function readableReport(db: Db, user: SessionUser, id: number): Promise<void> {
  if (!mayReadReport(user, await reportOwnership(db, id))) throw notFound(id);
}

/** The overview's switch 显示样本单位: sample units are left out of its findings unless it is on. */
const samplesInput = { includeSamples: z.boolean().optional() };

const page = { page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(20) };

const reportsRouter = router({
  list: memberProcedure
    .input(filtersInput.extend({ ...page, sort: z.enum(REPORT_SORTS).optional(), order: z.enum(['asc', 'desc']).optional() }))
    .query(({ ctx, input }) => listReports(ctx.db, scopeFilters(ctx.user, input))),
  get: memberProcedure.input(z.object({ id: z.number().int().positive() })).query(async ({ ctx, input }) => {
    await readableReport(ctx.db, ctx.user, input.id);
    const report = await getReport(ctx.db, input.id);
    if (!report) throw notFound(input.id);
    return report;
  }),
  /** Soft delete (an administrator can undo it): the report leaves every view but stays stored. */
  delete: adminProcedure.input(z.object({ id: z.number().int().positive() })).mutation(async ({ ctx, input }) => {
    if (!(await setReportDeleted(ctx.db, input.id, ctx.user.username))) throw new TRPCError({ code: 'NOT_FOUND', message: `报告 ${input.id} 不存在` });
    await audit(ctx.db, ctx.user, 'delete', `report:${input.id}`);
    return { ok: true };
  }),
  restore: adminProcedure.input(z.object({ id: z.number().int().positive() })).mutation(async ({ ctx, input }) => {
    if (!(await setReportDeleted(ctx.db, input.id, null))) throw new TRPCError({ code: 'NOT_FOUND', message: `报告 ${input.id} 不存在` });
    await audit(ctx.db, ctx.user, 'restore', `report:${input.id}`);
    return { ok: true };
  }),
  deleted: adminProcedure.query(({ ctx }) => listDeletedReports(ctx.db)),
  /** The report's reused passages (stock / copied / self) with their sources. */
  reuse: memberProcedure.input(z.object({ id: z.number().int().positive() })).query(async ({ ctx, input }) => {
    await readableReport(ctx.db, ctx.user, input.id);
    const [reuse] = await getReportReuse(ctx.db, input.id);
    if (!reuse) throw notFound(input.id);
    return reuseForViewer(ctx.user, reuse);
  }),
});

const reuseRouter = router({
  byDepartmentYear: memberProcedure.input(filtersInput).query(({ ctx, input }) => getReuseByDepartmentYear(ctx.db, scopeFilters(ctx.user, input))),
  /** Who copied from whom: the strongest `edges` edges of the unit graph (the user widens it). */
  copyGraph: reviewerProcedure
    .input(filtersInput.extend({ edges: z.number().int().min(1).max(1000).default(GRAPH_EDGES) }))
    .query(({ ctx, input }) => getCopyGraph(ctx.db, input, input.edges)),
  topPassages: reviewerProcedure.input(filtersInput).query(({ ctx, input }) => getTopCopiedPassages(ctx.db, input)),
  mostCopiedReports: reviewerProcedure.input(filtersInput).query(({ ctx, input }) => getMostCopiedReports(ctx.db, input)),
});

/** The template library (范文库): reference texts owned by no unit; added through /api/templates. */
const templatesRouter = router({
  list: reviewerProcedure.input(filtersInput).query(({ ctx, input }) => listTemplates(ctx.db, input)),
  uses: reviewerProcedure.input(filtersInput.extend({ id: z.number().int().positive() })).query(({ ctx, input }) => getTemplateUses(ctx.db, input, input.id)),
  remove: reviewerProcedure.input(z.object({ id: z.number().int().positive() })).mutation(async ({ ctx, input }) => {
    const row = await ctx.db.selectFrom('templates').select('title').where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `范文库中没有编号为 ${input.id} 的文本` });
    const reports = await ctx.db.transaction().execute((trx) => removeTemplate(trx, input.id));
    await audit(ctx.db, ctx.user, 'template.remove', `template:${input.id}`, { title: row.title, reports });
    return { reports };
  }),
});

const compareRouter = router({
  pair: reviewerProcedure.input(z.object({ a: z.number().int().positive(), b: z.number().int().positive() })).query(async ({ ctx, input }) => {
    await readableReport(ctx.db, ctx.user, input.a);
    await readableReport(ctx.db, ctx.user, input.b);
    const c = await getComparison(ctx.db, input.a, input.b);
    if (!c) throw new TRPCError({ code: 'NOT_FOUND', message: '报告不存在' });
    return c;
  }),
  counterparts: reviewerProcedure.input(z.object({ id: z.number().int().positive() })).query(({ ctx, input }) => getCounterparts(ctx.db, input.id)),
});

const overviewRouter = router({
  reportsByDepartmentYear: memberProcedure.input(filtersInput).query(({ ctx, input }) => getReportsByDepartmentYear(ctx.db, scopeFilters(ctx.user, input))),
  filterOptions: memberProcedure.query(async ({ ctx }) => {
    const options = await getFilterOptions(ctx.db);
    if (ctx.user.role !== 'submitter') return options;
    const units = options.units.filter((u) => u.name === ctx.user.unitName);
    return { ...options, units, departments: [...new Set(units.map((u) => u.department).filter((d): d is string => !!d))] };
  }),
  headlines: memberProcedure.input(filtersInput).query(({ ctx, input }) => getHeadlines(ctx.db, scopeFilters(ctx.user, input))),
  baselines: memberProcedure.input(filtersInput).query(({ ctx, input }) => getHeadlineBaselines(ctx.db, scopeFilters(ctx.user, input))),
  needingReview: reviewerProcedure.input(filtersInput.extend(samplesInput)).query(({ ctx, input }) => getReportsNeedingReview(ctx.db, input, 10, input)),
  missingSubmissions: reviewerProcedure.input(filtersInput.extend(samplesInput)).query(({ ctx, input }) => getMissingSubmissions(ctx.db, input, input)),
});

const searchRouter = router({
  reports: memberProcedure
    .input(filtersInput.extend({ q: z.string().max(100), ...page, pageSize: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => searchReports(ctx.db, scopeFilters(ctx.user, input))),
});

const unitsRouter = router({
  comparison: memberProcedure.input(filtersInput).query(({ ctx, input }) => getUnitComparison(ctx.db, scopeFilters(ctx.user, input))),
  baselines: memberProcedure.input(filtersInput).query(({ ctx, input }) => getUnitBaselines(ctx.db, scopeFilters(ctx.user, input))),
  history: memberProcedure.input(z.object({ unit: z.string().min(1).max(200) })).query(({ ctx, input }) => {
    if (ctx.user.role === 'submitter' && input.unit !== ctx.user.unitName) throw new TRPCError({ code: 'NOT_FOUND', message: '单位不存在' });
    return getUnitHistory(ctx.db, input.unit);
  }),
});

const activityRouter = router({
  categories: memberProcedure.query(() => activityCategories()),
  byCategory: memberProcedure
    .input(filtersInput.extend({ by: z.enum(ACTIVITY_GROUPINGS) }))
    .query(({ ctx, input }) => getActivityByCategory(ctx.db, scopeFilters(ctx.user, input), input.by)),
  missing: memberProcedure.input(filtersInput).query(({ ctx, input }) => getUnitsMissingCategory(ctx.db, scopeFilters(ctx.user, input))),
  unmatched: memberProcedure.input(filtersInput).query(({ ctx, input }) => getUnmatchedActivities(ctx.db, scopeFilters(ctx.user, input))),
  figures: memberProcedure
    .input(filtersInput.extend({ ...page, category: z.string().max(100).nullable().optional(), activity: z.string().max(100).optional() }))
    .query(({ ctx, input }) => listFigures(ctx.db, scopeFilters(ctx.user, input))),
});

const themesRouter = router({
  list: memberProcedure.input(filtersInput).query(({ ctx, input }) => getThemes(ctx.db, scopeFilters(ctx.user, input))),
  members: memberProcedure
    .input(filtersInput.extend({ ...page, theme: z.string().max(100).nullable() }))
    .query(({ ctx, input }) => getThemeMembers(ctx.db, input.theme, scopeFilters(ctx.user, input), input)),
  trends: memberProcedure.input(filtersInput).query(({ ctx, input }) => getThemeTrends(ctx.db, scopeFilters(ctx.user, input))),
  byDepartment: memberProcedure.input(filtersInput).query(({ ctx, input }) => getThemesByDepartment(ctx.db, scopeFilters(ctx.user, input))),
  recurrences: memberProcedure
    .input(filtersInput.extend({ ...page, minPeriods: z.number().int().min(2).max(40).default(3) }))
    .query(({ ctx, input }) => getRecurrences(ctx.db, scopeFilters(ctx.user, input), input)),
  ...themeCorrectionProcedures,
});

const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ctx.user),
});

export const appRouter = router({
  auth: authRouter,
  reports: reportsRouter,
  overview: overviewRouter,
  search: searchRouter,
  units: unitsRouter,
  activity: activityRouter,
  themes: themesRouter,
  compare: compareRouter,
  reuse: reuseRouter,
  templates: templatesRouter,
  admin: adminRouter,
  intake: intakeRouter,
  registry: registryRouter,
});

export type AppRouter = typeof appRouter;

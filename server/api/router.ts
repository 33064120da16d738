import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { getFilterOptions, getHeadlines, getMissingSubmissions, getReportsByDepartmentYear } from '../queries/overview.js';
import { getReport, listReports, REPORT_SORTS } from '../queries/reports.js';
import { searchReports } from '../search/index.js';
import { filtersInput, publicProcedure, router } from './trpc.js';

const reportsRouter = router({
  list: publicProcedure
    .input(
      filtersInput.extend({
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200).default(20),
        sort: z.enum(REPORT_SORTS).optional(),
        order: z.enum(['asc', 'desc']).optional(),
      }),
    )
    .query(({ ctx, input }) => listReports(ctx.db, input)),
  get: publicProcedure.input(z.object({ id: z.number().int().positive() })).query(async ({ ctx, input }) => {
    const report = await getReport(ctx.db, input.id);
    if (!report) throw new TRPCError({ code: 'NOT_FOUND', message: `报告 ${input.id} 不存在` });
    return report;
  }),
});

const overviewRouter = router({
  reportsByDepartmentYear: publicProcedure.input(filtersInput).query(({ ctx, input }) => getReportsByDepartmentYear(ctx.db, input)),
  filterOptions: publicProcedure.query(({ ctx }) => getFilterOptions(ctx.db)),
  headlines: publicProcedure.input(filtersInput).query(({ ctx, input }) => getHeadlines(ctx.db, input)),
  missingSubmissions: publicProcedure.input(filtersInput).query(({ ctx, input }) => getMissingSubmissions(ctx.db, input)),
});

const searchRouter = router({
  reports: publicProcedure
    .input(
      filtersInput.extend({
        q: z.string().max(100),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(({ ctx, input }) => searchReports(ctx.db, input)),
});

export const appRouter = router({
  search: searchRouter,
  reports: reportsRouter,
  overview: overviewRouter,
});

export type AppRouter = typeof appRouter;

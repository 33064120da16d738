// Intake in the dashboard: the 待补充信息 queue and assignment, the grounds of a report's metadata, and the
// unit registry (单位名录: reviewers read it, administrators keep it; a registry file is imported through
// POST /api/units/import).
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { PERIODS } from '../../shared/types.js';
import { audit } from '../auth/audit.js';
import { AssignError, assignReport, rematchStored } from '../intake/assign.js';
import { listUnits, RegistryError, saveRegistryUnit } from '../intake/units.js';
import { countPending, getPendingQueue, getReportProvenance } from '../queries/intake.js';
import { adminProcedure, memberProcedure, reviewerProcedure, router } from './trpc.js';

const asBadRequest = (e: unknown): never => {
  if (e instanceof AssignError || e instanceof RegistryError) throw new TRPCError({ code: 'BAD_REQUEST', message: e.message });
  throw e;
};

export const intakeRouter = router({
  pendingCount: reviewerProcedure.query(({ ctx }) => countPending(ctx.db)),
  pending: reviewerProcedure
    .input(z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => getPendingQueue(ctx.db, input.page, input.pageSize)),
  /** Completes or corrects a report's unit, year or period; a pending report then joins the comparisons. */
  assign: reviewerProcedure
    .input(
      z.object({
        id: z.number().int().positive(),
        unit: z.string().trim().min(1).max(200).optional(),
        year: z.number().int().min(1949).max(2100).optional(),
        period: z.enum(PERIODS).nullable().optional(),
        correction: z.boolean().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { id, ...assignment } = input;
      const r = await assignReport(ctx.db, id, assignment).catch(asBadRequest);
      await audit(ctx.db, ctx.user, 'correct', `report:${id}`, { assigned: assignment, status: r.status, replaced: r.replaced ?? null });
      return r;
    }),
  provenance: memberProcedure.input(z.object({ id: z.number().int().positive() })).query(async ({ ctx, input }) => {
    if (ctx.user.role === 'submitter') {
      const own = await ctx.db
        .selectFrom('reports as r')
        .innerJoin('units as u', 'u.id', 'r.unit_id')
        .select('r.id')
        .where('r.id', '=', input.id)
        .where('u.name', '=', ctx.user.unitName ?? '\u0000')
        .executeTakeFirst();
      if (!own) throw new TRPCError({ code: 'NOT_FOUND', message: `报告 ${input.id} 不存在` });
    }
    const p = await getReportProvenance(ctx.db, input.id);
    if (!p) throw new TRPCError({ code: 'NOT_FOUND', message: `报告 ${input.id} 不存在` });
    return p;
  }),
});

const registryUnit = z.object({
  name: z.string().trim().min(1).max(200),
  department: z.string().trim().max(200).nullable(),
  aliases: z.array(z.string().trim().min(1).max(200)).max(50),
  level: z.string().trim().max(100).nullable(),
  expected: z.array(z.enum(PERIODS)).nullable(),
});

export const registryRouter = router({
  list: reviewerProcedure.query(({ ctx }) => listUnits(ctx.db)),
  /** Adds a unit to the registry or edits one (a unit named only by submissions is taken into the registry). */
  save: adminProcedure.input(registryUnit.extend({ id: z.number().int().positive().optional() })).mutation(async ({ ctx, input }) => {
    const { id, ...unit } = input;
    const saved = await ctx.db.transaction().execute((trx) => saveRegistryUnit(trx, unit, id, { replaceAliases: true })).catch(asBadRequest);
    const rematched = await rematchStored(ctx.db);
    await audit(ctx.db, ctx.user, 'units.update', `unit:${saved.id}`, { ...unit, ...rematched });
    return { ...saved, ...rematched };
  }),
});

// Administration: accounts and the audit log.
import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { z } from 'zod';
import { ROLES } from '../../shared/roles.js';
import { audit } from '../auth/audit.js';
import { AccountError, createUser } from '../auth/users.js';
import { namedUnits } from '../queries/filters.js';
import { adminProcedure, router } from './trpc.js';

export const adminRouter = router({
  users: adminProcedure.query(({ ctx }) =>
    ctx.db
      .selectFrom('users as us')
      .leftJoin('units as u', 'u.id', 'us.unit_id')
      .select(['us.id', 'us.username', 'us.display_name as displayName', 'us.role', 'u.name as unit', 'us.disabled', 'us.created_at as createdAt'])
      .orderBy('us.id')
      .execute(),
  ),
  createUser: adminProcedure
    .input(
      z.object({
        // Lengths and the password policy are checked by createUser, which answers in Chinese.
        username: z.string().max(40),
        displayName: z.string().max(40).optional(),
        password: z.string().max(200),
        role: z.enum(ROLES),
        unitId: z.number().int().positive().nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      try {
        const id = await createUser(ctx.db, input);
        await audit(ctx.db, ctx.user, 'user.create', input.username, { role: input.role, unitId: input.unitId ?? null });
        return { id };
      } catch (e) {
        if (e instanceof AccountError) throw new TRPCError({ code: 'BAD_REQUEST', message: e.message });
        throw e;
      }
    }),
  setDisabled: adminProcedure.input(z.object({ id: z.number().int().positive(), disabled: z.boolean() })).mutation(async ({ ctx, input }) => {
    if (input.id === ctx.user.id) throw new TRPCError({ code: 'BAD_REQUEST', message: '不能停用自己的账号' });
    const updated = await ctx.db.updateTable('users').set({ disabled: input.disabled ? 1 : 0 }).where('id', '=', input.id).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new TRPCError({ code: 'NOT_FOUND', message: '用户不存在' });
    if (input.disabled) await ctx.db.deleteFrom('sessions').where('user_id', '=', input.id).execute();
    await audit(ctx.db, ctx.user, 'user.update', String(input.id), { disabled: input.disabled });
    return { ok: true };
  }),
  auditLog: adminProcedure
    .input(z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) }))
    .query(async ({ ctx, input }) => {
      const total = await ctx.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      const rows = await ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize)
        .execute();
      return { total: Number(total.n), rows };
    }),
  units: adminProcedure.query(({ ctx }) => namedUnits(ctx.db).select(['u.id', 'u.name', 'u.department']).orderBy('u.department').orderBy('u.name').execute()),
});

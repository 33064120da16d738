import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Filters } from '../../shared/filters.js';
import type { Role, SessionUser } from '../../shared/roles.js';
import { PERIODS } from '../../shared/types.js';
import type { Db } from '../db/connection.js';

export interface Context {
  db: Db;
  user: SessionUser | null;
}

/** Every procedure declares who may call it; the guard below fails closed when it does not. */
export interface Meta {
  roles: readonly Role[] | 'public';
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Never send stack traces to the browser.
    errorFormatter: ({ shape }) => ({ ...shape, data: { code: shape.data.code, httpStatus: shape.data.httpStatus } }),
  });

export const router = t.router;

// `t.procedure` itself is never exported: every procedure comes from one of the builders below.
const declared = t.procedure.use(({ meta, next }) => {
  if (!meta) throw new TRPCError({ code: 'FORBIDDEN', message: '该操作未声明访问权限' });
  return next();
});

const signedIn = declared.use(({ ctx, meta, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录' });
  if (!meta || meta.roles === 'public' || !meta.roles.includes(ctx.user.role)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: '当前账号无权执行此操作' });
  }
  return next({ ctx: { user: ctx.user } });
});

export const ALL_ROLES = ['admin', 'reviewer', 'submitter'] as const satisfies readonly Role[];
export const READERS = ['admin', 'reviewer'] as const satisfies readonly Role[];

export const publicProcedure = declared.meta({ roles: 'public' });
/** Anyone signed in; submitters see only their own unit (apply `scopeFilters`). */
export const memberProcedure = signedIn.meta({ roles: ALL_ROLES });
/** Administrators and reviewers: corpus-wide views and exports. */
export const reviewerProcedure = signedIn.meta({ roles: READERS });
export const adminProcedure = signedIn.meta({ roles: ['admin'] });

/** A submitter's filters are pinned to its own unit, whatever the client asked for. */
export function scopeFilters<F extends Filters>(user: SessionUser, f: F): F {
  return user.role === 'submitter' ? { ...f, unit: user.unitName ?? '\u0000' } : f;
}

export const filtersInput = z.object({
  department: z.string().max(200).optional(),
  unit: z.string().max(200).optional(),
  year: z.number().int().min(1949).max(2100).optional(),
  period: z.enum(PERIODS).optional(),
});

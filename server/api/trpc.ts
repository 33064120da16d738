import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import { PERIODS } from '../../shared/types.js';
import type { Db } from '../db/connection.js';

export interface Context {
  db: Db;
}

const t = initTRPC.context<Context>().create({
  // Never send stack traces to the browser.
  errorFormatter: ({ shape }) => ({ ...shape, data: { code: shape.data.code, httpStatus: shape.data.httpStatus } }),
});

export const router = t.router;
export const publicProcedure = t.procedure;

export const filtersInput = z.object({
  department: z.string().max(200).optional(),
  unit: z.string().max(200).optional(),
  year: z.number().int().min(1949).max(2100).optional(),
  period: z.enum(PERIODS).optional(),
});

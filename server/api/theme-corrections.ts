// Reviewers' corrections of the problem themes (server/derive/theme-corrections.ts), for administrators and
// reviewers; spread into the themes router beside its queries.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { addThemeCue, CorrectionError, mergeThemes, moveStatement, renameTheme, splitTheme } from '../derive/theme-corrections.js';
import { getThemeCatalog } from '../queries/themes.js';
import { memberProcedure, reviewerProcedure } from './trpc.js';

const themeId = z.string().min(1).max(40);
const statement = z.object({ report: z.number().int().positive(), start: z.number().int().min(0), end: z.number().int().min(1) });

/** A correction's own refusal as a Chinese message to the reviewer; anything else stays an internal error. */
async function correcting<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof CorrectionError) throw new TRPCError({ code: e.kind === 'not-found' ? 'NOT_FOUND' : 'BAD_REQUEST', message: e.message });
    throw e;
  }
}

export const themeCorrectionProcedures = {
  /** Every standing theme with the cues reviewers added: where a statement can be moved to. */
  catalog: memberProcedure.query(({ ctx }) => getThemeCatalog(ctx.db)),
  rename: reviewerProcedure
    .input(z.object({ theme: themeId, label: z.string().max(100) }))
    .mutation(({ ctx, input }) => correcting(() => renameTheme(ctx.db, ctx.user, input.theme, input.label))),
  merge: reviewerProcedure
    .input(z.object({ a: themeId, b: themeId }))
    .mutation(({ ctx, input }) => correcting(() => mergeThemes(ctx.db, ctx.user, input.a, input.b))),
  split: reviewerProcedure
    .input(z.object({ theme: themeId, statements: z.array(statement).min(1).max(500), label: z.string().max(100) }))
    .mutation(({ ctx, input }) => correcting(() => splitTheme(ctx.db, ctx.user, input.theme, input.statements, input.label))),
  move: reviewerProcedure
    .input(z.object({ statement, theme: themeId.nullable() }))
    .mutation(({ ctx, input }) => correcting(() => moveStatement(ctx.db, ctx.user, input.statement, input.theme))),
  addCue: reviewerProcedure
    .input(z.object({ theme: themeId, cue: z.string().max(100) }))
    .mutation(({ ctx, input }) => correcting(() => addThemeCue(ctx.db, ctx.user, input.theme, input.cue))),
};

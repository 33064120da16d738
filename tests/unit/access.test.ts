// Table-driven: each role against each procedure of the router. A new procedure must be added to
// ACCESS, or this test fails: nothing reaches the client without a decision about who may call it.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role, SessionUser } from '../../shared/roles.js';
import { appRouter } from '../../server/api/router.js';
import type { Db } from '../../server/db/connection.js';
import { openFreshDb } from '../test-db.js';

const A: Role[] = ['admin'];
const R: Role[] = ['admin', 'reviewer'];
const M: Role[] = ['admin', 'reviewer', 'submitter'];
const PUBLIC = 'public' as const;

const ACCESS: Record<string, Role[] | typeof PUBLIC> = {
  'auth.me': PUBLIC,
  'reports.list': M,
  'reports.get': M,
  'reports.reuse': M,
  'reports.delete': A,
  'reports.restore': A,
  'reports.deleted': A,
  'compare.pair': R,
  'reuse.byDepartmentYear': M,
  'reuse.copyGraph': R,
  'reuse.topPassages': R,
  'reuse.mostCopiedReports': R,
  'compare.counterparts': R,
  'templates.list': R,
  'templates.uses': R,
  'templates.remove': R,
  'overview.reportsByDepartmentYear': M,
  'overview.filterOptions': M,
  'overview.headlines': M,
  'overview.baselines': M,
  'overview.missingSubmissions': R,
  'overview.needingReview': R,
  'search.reports': M,
  'units.comparison': M,
  'units.baselines': M,
  'units.history': M,
  'activity.categories': M,
  'activity.byCategory': M,
  'activity.missing': M,
  'activity.unmatched': M,
  'activity.figures': M,
  'themes.list': M,
  'themes.members': M,
  'themes.trends': M,
  'themes.byDepartment': M,
  'themes.recurrences': M,
  'themes.catalog': M,
  'themes.rename': R,
  'themes.merge': R,
  'themes.split': R,
  'themes.move': R,
  'themes.addCue': R,
  'admin.users': A,
  'admin.createUser': A,
  'admin.setDisabled': A,
  'admin.auditLog': A,
  'admin.units': A,
  'intake.pendingCount': R,
  'intake.pending': R,
  'intake.assign': R,
  'intake.provenance': M,
  'registry.list': R,
  'registry.save': A,
};

const USERS: Record<Role | 'anonymous', SessionUser | null> = {
  anonymous: null,
  admin: { id: 1, username: 'admin', displayName: '管理员', role: 'admin', unitId: null, unitName: null },
  reviewer: { id: 2, username: 'rev', displayName: '审阅人', role: 'reviewer', unitId: null, unitName: null },
  submitter: { id: 3, username: 'sub', displayName: '报送人', role: 'submitter', unitId: 1, unitName: '市甲局' },
};

let db: Db;
beforeAll(async () => {
  db = await openFreshDb();
});
afterAll(async () => {
  await db.destroy();
});

async function outcome(path: string, user: SessionUser | null): Promise<'allowed' | 'denied'> {
  const caller = appRouter.createCaller({ db, user }) as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
  const [ns, name] = path.split('.') as [string, string];
  try {
    await caller[ns]![name]!({});
    return 'allowed';
  } catch (e) {
    if (e instanceof TRPCError && (e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN')) return 'denied';
    return 'allowed'; // got past the guard (e.g. refused for its input or not found)
  }
}

describe('access control', () => {
  it('every procedure of the router has a declared access rule', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(ACCESS).sort());
  });

  for (const [path, roles] of Object.entries(ACCESS)) {
    for (const who of ['anonymous', 'admin', 'reviewer', 'submitter'] as const) {
      const expected = roles === PUBLIC || (who !== 'anonymous' && roles.includes(who)) ? 'allowed' : 'denied';
      it(`${path}: ${who} is ${expected}`, async () => {
        expect(await outcome(path, USERS[who])).toBe(expected);
      });
    }
  }
});

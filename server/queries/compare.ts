// The side-by-side view: two reports and the passages they share, aligned pair by pair, the later report
// (the one that took the text) on the left and its source, the earlier report, on the right.
import { sql } from 'kysely';
import type { CounterpartRole, Period } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { relationOf } from '../reuse/spans.js';

async function reportHead(db: Db, id: number) {
  const r = await db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('report_texts as t', 't.report_id', 'r.id')
    .where('r.id', '=', id)
    .select(['r.id', 'r.unit_id', 'u.name as unit', 'u.department', 'r.year', 'r.period', 'r.title', 't.text', 'r.chars', 'r.ingested_at'])
    .executeTakeFirst();
  return r ?? null;
}

type Head = NonNullable<Awaited<ReturnType<typeof reportHead>>>;
const order = (r: Head) => ({ id: r.id, unitId: r.unit_id, year: r.year, period: r.period, ingestedAt: r.ingested_at });

/**
 * Two reports side by side, whichever order they are asked in: `left` is the later one, `relation` how
 * `right` stands to it (earlier: left took the passages from right; same-period: direction unknown;
 * own-earlier: the same unit's earlier report, recycled).
 */
export async function getComparison(db: Db, a: number, b: number) {
  const [first, second] = await Promise.all([reportHead(db, a), reportHead(db, b)]);
  if (!first || !second) return null;
  const flip = ['later', 'own-later'].includes(relationOf(order(first), order(second)));
  const [left, right] = flip ? [second, first] : [first, second];
  const passages = await db
    .selectFrom('reuse_passages')
    .where('report_id', '=', left.id)
    .where('source_id', '=', right.id)
    .select(['start', 'end', 'source_start as sourceStart', 'source_end as sourceEnd'])
    .orderBy('start')
    .execute();
  const shared = passages.reduce((s, p) => s + (p.end - p.start), 0);
  const relation = relationOf(order(left), order(right)) as 'earlier' | 'same-period' | 'own-earlier';
  const strip = ({ unit_id: _u, ingested_at: _i, ...r }: Head) => r;
  return { left: strip(left), right: strip(right), relation, passages, sharedChars: shared };
}

/** The reports that share passages with a report, most shared first (to pick a counterpart), each with its role. */
export async function getCounterparts(db: Db, id: number) {
  const took = db
    .selectFrom('reuse_pairs as p')
    .where('p.report_id', '=', id)
    .select(['p.other_id as id', 'p.chars', 'p.kind', sql<number>`0`.as('given')]);
  // What later reports took from this one: their rows name it.
  const given = db
    .selectFrom('reuse_pairs as p')
    .where('p.other_id', '=', id)
    .where('p.kind', 'in', ['copied', 'self'])
    .select(['p.report_id as id', 'p.chars', 'p.kind', sql<number>`1`.as('given')]);
  const rows = await db
    .selectFrom(took.unionAll(given).as('c'))
    .innerJoin('reports as r', 'r.id', 'c.id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['c.id', 'c.chars', 'c.kind', 'c.given', 'u.name as unit', 'r.year', 'r.period'])
    .orderBy('c.chars', 'desc')
    .orderBy('c.id')
    .limit(50)
    .execute();
  const roleOf = (kind: string, given: boolean): CounterpartRole =>
    kind === 'shared' ? 'shared' : kind === 'self' ? (given ? 'own-later' : 'own-earlier') : given ? 'copier' : 'source';
  return rows.map((r) => ({ id: r.id, chars: r.chars, unit: r.unit, year: r.year, period: r.period as Period | null, role: roleOf(r.kind, Number(r.given) === 1) }));
}

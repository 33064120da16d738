// The side-by-side view: two reports and the passages they share, aligned pair by pair.
import type { Db } from '../db/connection.js';

async function reportHead(db: Db, id: number) {
  const r = await db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('report_texts as t', 't.report_id', 'r.id')
    .where('r.id', '=', id)
    .select(['r.id', 'u.name as unit', 'u.department', 'r.year', 'r.period', 'r.title', 't.text', 'r.chars'])
    .executeTakeFirst();
  return r ?? null;
}

export async function getComparison(db: Db, a: number, b: number) {
  const [left, right] = await Promise.all([reportHead(db, a), reportHead(db, b)]);
  if (!left || !right) return null;
  const passages = await db
    .selectFrom('reuse_passages')
    .where('report_id', '=', a)
    .where('source_id', '=', b)
    .select(['start', 'end', 'source_start as sourceStart', 'source_end as sourceEnd'])
    .orderBy('start')
    .execute();
  const shared = passages.reduce((s, p) => s + (p.end - p.start), 0);
  return { left, right, passages, sharedChars: shared };
}

/** The reports that share passages with a report, most shared first (to pick a counterpart). */
export async function getCounterparts(db: Db, id: number) {
  const rows = await db
    .selectFrom('reuse_pairs as p')
    .innerJoin('reports as r', 'r.id', 'p.other_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .where('p.report_id', '=', id)
    .select(['p.other_id as id', 'p.chars', 'u.name as unit', 'r.year', 'r.period'])
    .orderBy('p.chars', 'desc')
    .limit(50)
    .execute();
  return rows;
}

// The stored texts, fetched by report id. Views cut statements, sentences and passages from them by
// their spans in JavaScript (SQL substr counts code points; the spans count UTF-16 units).
import type { Kysely, Transaction } from 'kysely';
import { inChunks } from './insert.js';
import type { Database } from './schema.js';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** The texts of the given reports, fetched once each. */
export async function reportTexts(db: DbOrTrx, ids: Iterable<number>): Promise<Map<number, string>> {
  const rows = await inChunks([...new Set(ids)], (chunk) => db.selectFrom('report_texts').select(['report_id', 'text']).where('report_id', 'in', chunk).execute());
  return new Map(rows.map((r) => [r.report_id, r.text]));
}

/** One report's text; undefined when there is no such report. */
export async function reportText(db: DbOrTrx, id: number): Promise<string | undefined> {
  return (await db.selectFrom('report_texts').select('text').where('report_id', '=', id).executeTakeFirst())?.text;
}

// The stored texts, fetched by report id. Views cut statements, sentences and passages from them by
// their spans in JavaScript (SQL substr counts code points; the spans count UTF-16 units).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** The texts of the given reports, fetched once each. */
export async function reportTexts(db: DbOrTrx, ids: Iterable<number>): Promise<Map<number, string>> {
  const all = [...new Set(ids)];
  const texts = new Map<number, string>();
  for (let i = 0; i < all.length; i += 500) {
    const rows = await db.selectFrom('report_texts').select(['report_id', 'text']).where('report_id', 'in', all.slice(i, i + 500)).execute();
    for (const r of rows) texts.set(r.report_id, r.text);
  }
  return texts;
}

/** One report's text; undefined when there is no such report. */
export async function reportText(db: DbOrTrx, id: number): Promise<string | undefined> {
  return (await db.selectFrom('report_texts').select('text').where('report_id', '=', id).executeTakeFirst())?.text;
}

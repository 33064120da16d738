// Material for the reuse tests and bench: the seed samples and the province corpus as stored texts,
// and a minimal store of a report (unit and report rows only), so that the reuse engine is tested
// without the analysis stage in the way.
import fs from 'node:fs';
import path from 'node:path';
import { normalizeStoredText } from '../server/decode/text.js';
import type { Db } from '../server/db/connection.js';
import { PROVINCES_DIR, SEED_SAMPLES_DIR } from './shared-material.js';

export interface CorpusText {
  file: string;
  unit: string;
  department: string | null;
  year: number | null;
  text: string;
}

function readManifest(dir: string): CorpusText[] {
  const [header, ...lines] = fs.readFileSync(path.join(dir, 'manifest.csv'), 'utf8').trim().split('\n');
  const cols = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const get = (c: string) => cells[cols.indexOf(c)] ?? '';
    const year = Number(get('year'));
    return {
      file: get('file'),
      unit: get('unit'),
      department: get('department') || null,
      year: Number.isInteger(year) && year > 0 ? year : null,
      text: normalizeStoredText(fs.readFileSync(path.join(dir, get('file')), 'utf8')),
    };
  });
}

export const seedTexts = (): CorpusText[] => readManifest(SEED_SAMPLES_DIR);
export const provinceTexts = (): CorpusText[] => readManifest(PROVINCES_DIR);

export async function storeText(db: Db, t: CorpusText, contentKey = t.file): Promise<number> {
  let unit = await db.selectFrom('units').select('id').where('name', '=', t.unit).executeTakeFirst();
  if (!unit) unit = await db.insertInto('units').values({ name: t.unit, department: t.department }).returning('id').executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto('reports')
    .values({
      unit_id: unit.id,
      year: t.year,
      period: 'annual',
      title: null,
      file_name: t.file,
      content_hash: contentKey,
      encoding: 'utf-8',
      chars: t.text.replace(/\s/g, '').length,
      ingested_at: new Date().toISOString(),
      extra: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('report_texts').values({ report_id: id, text: t.text }).execute();
  return id;
}

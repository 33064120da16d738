// Writes the Word briefing of the demo data (seeded into the given database when it is empty).
// Used by briefing-preview.sh; the same briefing `yanpan export briefing` writes.
import fs from 'node:fs';
import { openDb } from '../../server/db/connection.js';
import { buildBriefing } from '../../server/export/briefing.js';
import { seedIfEmpty } from '../../server/seed.js';

const [dbPath, out] = process.argv.slice(2);
if (!dbPath || !out) {
  console.error('用法：briefing-preview.ts DB OUT.docx');
  process.exit(2);
}
const db = await openDb(dbPath);
try {
  await seedIfEmpty(db);
  fs.writeFileSync(out, await buildBriefing(db, {}, { now: new Date(), publicUrl: process.env.YANPAN_PUBLIC_URL ?? 'http://localhost:3000' }));
} finally {
  await db.destroy();
}

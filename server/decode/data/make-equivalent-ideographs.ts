// Regenerates equivalent-ideographs.json from Unicode's EquivalentUnifiedIdeograph.txt
// (Debian: apt-get install unicode-data). Run: npx tsx server/decode/data/make-equivalent-ideographs.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const source = process.argv[2] ?? '/usr/share/unicode/EquivalentUnifiedIdeograph.txt';
const text = fs.readFileSync(source, 'utf8');
const version = /EquivalentUnifiedIdeograph-([\d.]+)\.txt/.exec(text)?.[1] ?? 'unknown';
const map: Record<string, string> = {};
for (const line of text.split('\n')) {
  const m = /^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*([0-9A-F]{4,6})/.exec(line);
  if (!m) continue;
  const from = Number.parseInt(m[1]!, 16);
  const to = m[2] ? Number.parseInt(m[2], 16) : from;
  for (let cp = from; cp <= to; cp++) map[String.fromCodePoint(cp)] = String.fromCodePoint(Number.parseInt(m[3]!, 16));
}
// The table gives the traditional form for two Kangxi radicals whose glyph in Simplified Chinese fonts is
// the simplified character (Noto CJK SC maps U+2F3E and U+6237 to one glyph): reports are simplified.
map['\u2F3E'] = '户';
map['\u2FAD'] = '青';
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'equivalent-ideographs.json');
fs.writeFileSync(out, `${JSON.stringify({ source: `Unicode EquivalentUnifiedIdeograph.txt ${version}`, map }, null, 0)}\n`);
console.log(`wrote ${Object.keys(map).length} mappings to ${out}`);

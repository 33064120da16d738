// yanpan analyze FILE: one report analysed, not stored; its problems' themes from the stored corpus when there is one.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDbPath, isPostgresUrl } from '../db/connection.js';
import { DecodeError } from '../decode/index.js';
import { prepareSubmission } from '../intake/ingest.js';
import { assignThemeToStatements } from '../themes/index.js';
import { fail, META_OPTIONS, metaOptions, readInput, UsageError } from './common.js';
import { openStore } from './store.js';

export async function analyze(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...META_OPTIONS, db: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('analyze 需要且只需要一个文件');
  const file = positionals[0]!;
  const bytes = readInput(file);
  try {
    const p = await prepareSubmission({ fileName: path.basename(file), bytes, options: metaOptions(values) }, undefined, {
      onPage: (done, pages) => process.stderr.write(`${file}: 文字识别 第 ${done}/${pages} 页\n`),
    });
    const { sections, figures, placeholders, masks, flags } = p.analysis;
    const problems = await withThemes(p.analysis.problems, defaultDbPath(values.db));
    process.stdout.write(
      `${JSON.stringify({ file, encoding: p.encoding, ocr: p.ocr, meta: p.meta, text: p.text, sections, problems, figures, placeholders, masks, flags })}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof DecodeError) fail(`${file}: ${e.message}`, 2);
    throw e;
  }
}

/** Each problem's theme, when a stored corpus is at hand (the database exists); else as analysed. */
async function withThemes<P extends { text: string; theme: string | null }>(problems: P[], dbPath: string): Promise<P[]> {
  if (problems.length === 0 || (!isPostgresUrl(dbPath) && !fs.existsSync(dbPath))) return problems;
  const db = await openStore(dbPath);
  try {
    const themes = await assignThemeToStatements(db, problems.map((p) => p.text));
    return problems.map((p, i) => ({ ...p, theme: themes[i] ?? null }));
  } finally {
    await db.destroy();
  }
}

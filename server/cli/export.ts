// yanpan export briefing: the Word briefing (简报), its links leading to the dashboard.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { BRIEFING_SECTIONS, parseBriefingSections } from '../../shared/exports.js';
import type { Filters } from '../../shared/filters.js';
import { isWebAddress } from '../../shared/templates.js';
import { defaultDbPath } from '../db/connection.js';
import { fail, parsePeriod, parseYear, UsageError } from './common.js';
import { openStore } from './store.js';

/** Where the briefing's links lead: --public-url, else YANPAN_PUBLIC_URL, else this machine's dashboard (said on stderr). */
function parsePublicUrl(given: string | undefined): string {
  if (!given?.trim()) {
    const local = `http://localhost:${process.env.PORT ?? 3000}`;
    process.stderr.write(`简报中的原文链接指向 ${local}；请用 --public-url 或环境变量 YANPAN_PUBLIC_URL 指定看板的访问地址\n`);
    return local;
  }
  if (!isWebAddress(given.trim())) throw new UsageError(`--public-url 应为看板的访问地址，如 http://yanpan.intranet:3000`);
  return given.trim();
}

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      db: { type: 'string' },
      department: { type: 'string' },
      unit: { type: 'string' },
      year: { type: 'string' },
      period: { type: 'string' },
      sections: { type: 'string' },
      'public-url': { type: 'string' },
    },
  });
  if (positionals.length !== 1 || positionals[0] !== 'briefing') throw new UsageError('export 目前只支持 briefing：yanpan export briefing --out FILE.docx');
  if (!values.out) throw new UsageError('export briefing 需要 --out FILE.docx');
  const filters: Filters = {};
  if (values.department) filters.department = values.department;
  if (values.unit) filters.unit = values.unit;
  const year = parseYear(values.year);
  if (year !== undefined) filters.year = year;
  const period = parsePeriod(values.period);
  if (period) filters.period = period;
  const sections = values.sections === undefined ? undefined : parseBriefingSections(values.sections);
  if (sections === null) throw new UsageError(`--sections 取值有误，可选：${BRIEFING_SECTIONS.join(',')}`);
  const publicUrl = parsePublicUrl(values['public-url'] ?? process.env.YANPAN_PUBLIC_URL);
  const { buildBriefing } = await import('../export/briefing.js');
  const db = await openStore(defaultDbPath(values.db));
  let docx: Buffer;
  try {
    docx = await buildBriefing(db, filters, { now: new Date(), publicUrl, ...(sections ? { sections } : {}) });
  } finally {
    await db.destroy();
  }
  try {
    fs.writeFileSync(values.out, docx);
  } catch {
    fail(`${values.out}: 无法写入文件`, 2);
  }
  process.stdout.write(`${JSON.stringify({ briefing: values.out, bytes: docx.length, filters })}\n`);
  return 0;
}

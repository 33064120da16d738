// yanpan reuse: each report's reused passages, as JSON Lines.
import { parseArgs } from 'node:util';
import { defaultDbPath } from '../db/connection.js';
import { getReportReuse } from '../reuse/index.js';
import { fail, UsageError } from './common.js';
import { openStore } from './store.js';

export async function reuse(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, report: { type: 'string' } } });
  if (values.report !== undefined && !/^\d+$/.test(values.report)) throw new UsageError('--report 应为报告编号');
  const db = await openStore(defaultDbPath(values.db));
  try {
    const rows = await getReportReuse(db, values.report === undefined ? undefined : Number(values.report));
    if (values.report !== undefined && rows.length === 0) fail(`报告 ${values.report} 不存在`, 2);
    for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}

// yanpan reports [--pending] and yanpan assign ID: the stored reports, and completing or correcting one's metadata.
import { parseArgs } from 'node:util';
import { defaultDbPath } from '../db/connection.js';
import { AssignError, assignReport } from '../intake/assign.js';
import { listReportProvenance } from '../queries/intake.js';
import { fail, META_OPTIONS, metaOptions, UsageError } from './common.js';
import { openStore } from './store.js';

export async function reports(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, pending: { type: 'boolean' } } });
  const db = await openStore(defaultDbPath(values.db));
  try {
    for (const line of await listReportProvenance(db, { pendingOnly: values.pending === true })) process.stdout.write(`${JSON.stringify(line)}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}

export async function assign(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, correction: { type: 'boolean' }, ...META_OPTIONS } });
  if (positionals.length !== 1 || !/^\d+$/.test(positionals[0]!)) throw new UsageError('assign 需要一个报告编号：yanpan assign ID --unit U [--year Y] [--period P]');
  if (values.department !== undefined) throw new UsageError('assign 不设部门：部门来自单位名录（yanpan units import）');
  const meta = metaOptions(values);
  const db = await openStore(defaultDbPath(values.db));
  try {
    const r = await assignReport(db, Number(positionals[0]), { unit: meta.unit ?? undefined, year: meta.year ?? undefined, period: meta.period, correction: values.correction === true });
    process.stdout.write(`${JSON.stringify({ ...r, id: String(r.id), ...(r.replaced === undefined ? {} : { replaced: String(r.replaced) }) })}\n`);
    return 0;
  } catch (e) {
    if (e instanceof AssignError) fail(`assign ${positionals[0]}: ${e.message}`, 2);
    throw e;
  } finally {
    await db.destroy();
  }
}

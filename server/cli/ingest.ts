// yanpan ingest PATH…: files, folders and zips stored as one batch, each file's outcome on standard error.
import { parseArgs } from 'node:util';
import { audit, commandLineActor } from '../auth/audit.js';
import { defaultDbPath } from '../db/connection.js';
import { ingestBatch } from '../intake/batch.js';
import { collectSubmissions } from '../intake/collect.js';
import { originalsDirFor } from '../intake/originals.js';
import { progressBar } from '../progress.js';
import { currentOsUser, fail, finish, META_OPTIONS, metaOptions, UsageError } from './common.js';
import { fileSources, openStore } from './store.js';

export async function ingest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { manifest: { type: 'string' }, db: { type: 'string' }, ...META_OPTIONS },
  });
  const options = metaOptions(values);
  if (positionals.length === 0 && !values.manifest) throw new UsageError('ingest 需要至少一个文件、目录或 --manifest');
  let collected;
  try {
    collected = collectSubmissions(positionals, values.manifest);
  } catch (e) {
    fail(`${values.manifest ?? positionals.join(' ')}: ${e instanceof Error ? e.message : String(e)}`, 2);
  }
  const dbPath = defaultDbPath(values.db);
  const db = await openStore(dbPath);
  let summary;
  try {
    const sources = fileSources(collected.files, options);
    const actor = commandLineActor(currentOsUser());
    summary = await ingestBatch(db, sources, {
      progress: progressBar(sources.length, '处理文件'),
      originals: originalsDirFor(dbPath),
      // Each file in the audit log as it is done, as for uploads through the dashboard.
      onResult: (r) => audit(db, actor, 'upload', r.status === 'failed' ? `file:${r.file}` : `report:${r.reportId}`, { file: r.file, status: r.status, ...(r.status === 'failed' ? { error: r.error } : {}) }),
    }).catch((e: unknown) => fail(`入库中断（数据库或磁盘故障）：${e instanceof Error ? e.message : String(e)}；此前已入库的报告完整保留`, 2));
  } finally {
    await db.destroy();
  }
  const { ingested, pending, duplicates, resubmissions } = summary;
  if (pending > 0) process.stderr.write(`${pending} 份报告未能确定单位或年度（或疑似更正版本），已入库为待确认：yanpan reports --pending 查看，yanpan assign 补全\n`);
  for (const r of resubmissions) {
    process.stderr.write(`${r.file}: 与已入库报告 ${r.replaces} 的内容重复 ${Math.round(r.share * 100)}%，疑似更正版本；确认替换：yanpan assign ${r.report} --correction\n`);
  }
  return finish({ ingested, pending, duplicates }, [...collected.failed, ...summary.failed], ingested + duplicates, { resubmissions });
}

// The `yanpan` command-line program: the public interface of ../shared/CONTRACT.md.
// JSON on standard output; progress, logs and one-line failures on standard error.
// Exit 0 on success, 1 when some inputs failed, 2 on a usage error or when nothing could be done.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Filters } from '../shared/filters.js';
import { PERIODS, type Period } from '../shared/types.js';
import { ingestBatch, ReadError } from './intake/batch.js';
import { collectSubmissions } from './intake/collect.js';
import { BackupError, backupDatabase, restoreDatabase } from './db/backup.js';
import { DatabaseOpenError, type Db, defaultDbPath, describeDb, isPostgresUrl, openDb } from './db/connection.js';
import { deriveStale } from './derive/index.js';
import { exclusively } from './db/locks.js';
import { refreshUnitSummaries } from './derive/unit-summaries.js';
import { DecodeError } from './decode/index.js';
import { prepareSubmission } from './intake/ingest.js';
import { originalsDirFor } from './intake/originals.js';
import { progressBar } from './progress.js';
import { getReportReuse } from './reuse/index.js';
import { getThemeMembers, getThemes } from './queries/themes.js';
import { assignThemeToStatements, refreshThemes } from './themes/index.js';

const USAGE = `用法：yanpan <命令> [选项]
  analyze FILE [--unit U] [--department D] [--year Y] [--period P] [--db PATH]  分析一份报告（不入库），输出 JSON
  ingest PATH… [--manifest FILE.csv] [--db PATH]                      入库报告（文件、目录、zip）
  reuse [--db PATH] [--report ID]                                      各报告的雷同片段（JSON Lines）
  themes [--db PATH]                                                   问题主题及其问题表述（JSON Lines）
  export briefing --out FILE.docx [--department D] [--unit U] [--year Y] [--period P] [--db PATH]
                                                                       生成 Word 研判简报
  serve [--db PATH] [--port N]                                         启动看板与 API
  backup FILE [--db PATH]                                              在线备份数据库（服务运行时也安全）
  restore FILE [--db PATH]                                             从备份恢复数据库
数据库：--db，否则环境变量 YANPAN_DB，否则 data/yanpan.db（SQLite 文件）；
      写成 postgres://用户:密码@主机:端口/库名 则使用 PostgreSQL`;

class UsageError extends Error {}

/** The database, its derived data brought up to date (stored under older rules, or after an upgrade). */
async function openStore(dbPath: string): Promise<Db> {
  const db = await openDb(dbPath);
  // Not while a server sharing the database does the same at its start.
  await exclusively(db, 'startup', () => deriveStale(db));
  return db;
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parsePeriod(p: string | undefined): Period | undefined {
  if (p === undefined) return undefined;
  if (!PERIODS.includes(p as Period)) throw new UsageError(`--period 应为 ${PERIODS.join('/')} 之一`);
  return p as Period;
}

function parseYear(y: string | undefined): number | undefined {
  if (y === undefined) return undefined;
  if (!/^\d{4}$/.test(y)) throw new UsageError('--year 应为四位年份');
  return Number(y);
}

async function analyze(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { unit: { type: 'string' }, department: { type: 'string' }, year: { type: 'string' }, period: { type: 'string' }, db: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('analyze 需要且只需要一个文件');
  const file = positionals[0]!;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    fail(`${file}: 无法读取文件`, 2);
  }
  try {
    const p = await prepareSubmission({
      fileName: path.basename(file),
      bytes,
      meta: { unit: values.unit, department: values.department, year: parseYear(values.year), period: parsePeriod(values.period) },
    });
    const { sections, figures, placeholders, flags } = p.analysis;
    const problems = await withThemes(p.analysis.problems, defaultDbPath(values.db));
    process.stdout.write(
      `${JSON.stringify({ file, encoding: p.encoding, meta: p.meta, text: p.text, sections, problems, figures, placeholders, flags })}\n`,
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

async function ingest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { manifest: { type: 'string' }, db: { type: 'string' } },
  });
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
    const sources = collected.files.map((f) => ({
      label: f.fileName,
      read: async () => {
        try {
          return { fileName: f.fileName, bytes: fs.readFileSync(f.path), meta: f.meta, extra: f.extra };
        } catch {
          throw new ReadError('无法读取文件');
        }
      },
    }));
    summary = await ingestBatch(db, sources, { progress: progressBar(sources.length, '入库'), originals: originalsDirFor(dbPath) });
  } finally {
    await db.destroy();
  }
  const failed = [...collected.failed, ...summary.failed];
  for (const f of failed) process.stderr.write(`${f.file}: ${f.error}\n`);
  const { ingested, duplicates } = summary;
  process.stdout.write(`${JSON.stringify({ ingested, duplicates, failed })}\n`);
  if (failed.length === 0) return 0;
  return ingested + duplicates > 0 ? 1 : 2;
}

async function reuse(args: string[]): Promise<number> {
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

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, port: { type: 'string' } } });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError('--port 应为 1–65535 的整数');
  const { startServer } = await import('./server.js');
  await startServer({ dbPath: defaultDbPath(values.db), port });
  return new Promise<number>(() => {}); // runs until killed
}

function backupArgs(args: string[], command: string): { file: string; db: string } {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError(`${command} 需要且只需要一个备份文件路径`);
  return { file: positionals[0]!, db: defaultDbPath(values.db) };
}

async function backup(args: string[]): Promise<number> {
  const { file, db } = backupArgs(args, 'backup');
  try {
    const r = await backupDatabase(db, file);
    process.stderr.write(
      r.method === 'pg_dump'
        ? `已用 pg_dump 备份 PostgreSQL 数据库 ${describeDb(db)}（自定义格式，${r.reports} 份报告）到 ${file}；用 yanpan restore 或 pg_restore 恢复\n`
        : `已在线备份 SQLite 数据库 ${db}（${r.reports} 份报告）到 ${file}\n`,
    );
    process.stdout.write(`${JSON.stringify({ backup: file, ...r })}\n`);
    return 0;
  } catch (e) {
    if (e instanceof BackupError) fail(`${file}: ${e.message}`, 2);
    throw e;
  }
}

async function restore(args: string[]): Promise<number> {
  const { file, db } = backupArgs(args, 'restore');
  try {
    const r = await restoreDatabase(file, db);
    process.stderr.write(`已从 ${file} 恢复${isPostgresUrl(db) ? '（pg_restore，单一事务）' : ''}数据库 ${describeDb(db)}：${r.reports} 份报告\n`);
    process.stdout.write(`${JSON.stringify({ restored: file, db: describeDb(db), ...r })}\n`);
    return 0;
  } catch (e) {
    if (e instanceof BackupError) fail(`${file}: ${e.message}`, 2);
    throw e;
  }
}

async function themes(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' } } });
  const db = await openStore(defaultDbPath(values.db));
  try {
    // Statements stored before their themes were computed get them now; assigned ones keep theirs.
    await refreshThemes(db);
    await refreshUnitSummaries(db);
    const { themes: list, unassigned } = await getThemes(db, {});
    for (const t of list) {
      const members = (await getThemeMembers(db, t.id, {})).rows.map((m) => ({
        report: String(m.report),
        unit: m.unit,
        year: m.year,
        start: m.start,
        end: m.end,
        text: m.text,
      }));
      process.stdout.write(`${JSON.stringify({ id: t.id, label: t.label, terms: t.terms, statements: t.statements, units: t.units, members })}\n`);
    }
    process.stdout.write(`${JSON.stringify({ unassigned })}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}

async function exportCommand(args: string[]): Promise<number> {
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
  const { buildBriefing } = await import('./export/briefing.js');
  const db = await openStore(defaultDbPath(values.db));
  let docx: Buffer;
  try {
    docx = await buildBriefing(db, filters, new Date());
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

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  analyze,
  ingest,
  reuse,
  themes,
  export: exportCommand,
  serve,
  backup,
  restore,
};

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === '--help' || command === '-h') {
    process.stderr.write(`${USAGE}\n`);
    process.exit(command ? 0 : 2);
  }
  const run = COMMANDS[command];
  if (!run) fail(`未知命令“${command}”\n${USAGE}`, 2);
  try {
    process.exitCode = await run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      fail(`${e.message}\n${USAGE}`, 2);
    }
    if (e instanceof DatabaseOpenError) fail(e.message, 2);
    throw e;
  }
}

await main();

// The `yanpan` command-line program: the public interface of ../shared/CONTRACT.md.
// JSON on standard output; progress, logs and one-line failures on standard error.
// Exit 0 on success, 1 when some inputs failed, 2 on a usage error or when nothing could be done.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BRIEFING_SECTIONS, parseBriefingSections } from '../shared/exports.js';
import type { Filters } from '../shared/filters.js';
import { isWebAddress } from '../shared/templates.js';
import { PERIODS, type Period, type ReportMeta, type TemplateKind } from '../shared/types.js';
import { audit, commandLineActor } from './auth/audit.js';
import { AccountError } from './auth/users.js';
import { type BatchSource, type Failure, ingestBatch, ReadError } from './intake/batch.js';
import { collectSubmissions, type FileSubmission } from './intake/collect.js';
import { BackupError, backupDatabase, restoreDatabase } from './db/backup.js';
import { DatabaseOpenError, type Db, defaultDbPath, describeDb, isPostgresUrl, openDb } from './db/connection.js';
import { deriveStale } from './derive/index.js';
import { exclusively } from './db/locks.js';
import { refreshUnitSummaries } from './derive/unit-summaries.js';
import { DecodeError } from './decode/index.js';
import { AssignError, assignReport } from './intake/assign.js';
import { prepareSubmission } from './intake/ingest.js';
import { RegistryFileError } from './intake/registry-file.js';
import { importRegistryFile } from './intake/registry.js';
import { listUnits } from './intake/units.js';
import { listReportProvenance } from './queries/intake.js';
import { importTemplates } from './intake/templates.js';
import { originalsDirFor } from './intake/originals.js';
import { progressBar } from './progress.js';
import { getReportReuse } from './reuse/index.js';
import { listTemplates } from './queries/templates.js';
import { getThemeMembers, getThemes } from './queries/themes.js';
import { assignThemeToStatements, refreshThemes } from './themes/index.js';

const USAGE = `用法：yanpan <命令> [选项]
  analyze FILE [--unit U] [--department D] [--year Y] [--period P] [--db PATH]  分析一份报告（不入库），输出 JSON
  ingest PATH… [--manifest FILE.csv] [--unit U] [--department D] [--year Y] [--period P] [--db PATH]
                                                                       入库报告（文件、目录、zip）；无法确定单位或年度的入库为待确认
  units [--db PATH]                                                    报送单位名录（JSON Lines）
  units import FILE.csv|FILE.xlsx [--db PATH]                          导入单位名录（名称、归口部门、别名、级别、应报期别）
  reports [--pending] [--db PATH]                                      各报告的元数据及其来源（JSON Lines）；--pending 只列待确认的
  assign ID [--unit U] [--year Y] [--period P] [--correction] [--db PATH]
                                                                       补全或更正报告的单位、年度、期别；--correction 作为更正版本替换本期原报告
  reuse [--db PATH] [--report ID]                                      各报告的雷同片段（JSON Lines）
  templates import PATH… [--title T] [--source URL] [--kind 范文|上级文件] [--db PATH]
                                                                       把范文、上级文件加入范文库（文件、目录、zip）
  templates list [--db PATH]                                           范文库中的文本及引用它们的报告数（JSON Lines）
  themes [--db PATH]                                                   问题主题及其问题表述（JSON Lines）
  export briefing --out FILE.docx [--department D] [--unit U] [--year Y] [--period P] [--sections S,…] [--public-url URL] [--db PATH]
                                                                       生成 Word 研判简报（链接指向 --public-url 或 YANPAN_PUBLIC_URL）
  serve [--db PATH] [--port N] [--host H]                              启动看板与 API（默认监听所有网络接口）
  backup FILE [--db PATH]                                              在线备份数据库及原件（FILE 与 FILE.originals/；服务运行时也安全）
  restore FILE [--db PATH]                                             从备份恢复数据库及原件（恢复后需重新登录）
数据库：--db，否则环境变量 YANPAN_DB，否则 data/yanpan.db（SQLite 文件）；
      写成 postgres://用户:密码@主机:端口/库名 则使用 PostgreSQL`;

class UsageError extends Error {}

function currentOsUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? '?';
  }
}

/** Node's English parseArgs errors, said in Chinese (the option or argument named as the user typed it). */
function argumentError(code: string, message: string): string {
  const named = /'([^']+)'/.exec(message)?.[1]?.replace(/ <value>$/, '') ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知选项 ${named}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项 ${named} 的取值缺失或不对`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数 ${named}`;
  return '命令行参数有误';
}

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

/** A file named on the command line, or exit 2 naming it. */
function readInput(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    fail(`${file}: 无法读取文件`, 2);
  }
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

/** --unit/--department/--year/--period: metadata set for a whole run (or one report). */
const META_OPTIONS = { unit: { type: 'string' }, department: { type: 'string' }, year: { type: 'string' }, period: { type: 'string' } } as const;

function metaOptions(values: { unit?: string; department?: string; year?: string; period?: string }): Partial<ReportMeta> {
  const meta: Partial<ReportMeta> = {};
  if (values.unit !== undefined) meta.unit = values.unit;
  if (values.department !== undefined) meta.department = values.department;
  const year = parseYear(values.year);
  if (year !== undefined) meta.year = year;
  const period = parsePeriod(values.period);
  if (period !== undefined) meta.period = period;
  return meta;
}

async function analyze(args: string[]): Promise<number> {
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

async function ingest(args: string[]): Promise<number> {
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

/** Sources for a batch from collected files, each read when its turn comes (an unreadable one named). */
function fileSources(files: FileSubmission[], options?: Partial<ReportMeta>): BatchSource[] {
  return files.map((f) => ({
    label: f.fileName,
    read: async () => {
      try {
        return { fileName: f.fileName, bytes: fs.readFileSync(f.path), meta: f.meta, extra: f.extra, ...(options ? { options } : {}) };
      } catch {
        throw new ReadError('无法读取文件');
      }
    },
  }));
}

/** Each failure on standard error, the summary with them on standard output; 0 all done, 1 some, 2 none. */
function finish(summary: Record<string, number>, failed: Failure[], done: number, more: Record<string, unknown> = {}): number {
  for (const f of failed) process.stderr.write(`${f.file}: ${f.error}\n`);
  process.stdout.write(`${JSON.stringify({ ...summary, failed, ...more })}\n`);
  if (failed.length === 0) return 0;
  return done > 0 ? 1 : 2;
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

const TEMPLATE_KIND_NAMES: Record<string, TemplateKind> = { 范文: 'model', model: 'model', 上级文件: 'directive', directive: 'directive' };

async function templatesImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { title: { type: 'string' }, source: { type: 'string' }, kind: { type: 'string' }, db: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('templates import 需要至少一个文件、目录或 zip');
  if (values.source !== undefined && !isWebAddress(values.source)) throw new UsageError('--source 应为以 http:// 或 https:// 开头的网址');
  const kind = TEMPLATE_KIND_NAMES[values.kind ?? '范文'];
  if (!kind) throw new UsageError('--kind 应为 范文 或 上级文件');
  let collected;
  try {
    collected = collectSubmissions(positionals);
  } catch (e) {
    fail(`${positionals.join(' ')}: ${e instanceof Error ? e.message : String(e)}`, 2);
  }
  const db = await openStore(defaultDbPath(values.db));
  let summary;
  try {
    summary = await importTemplates(db, fileSources(collected.files), {
      kind,
      title: values.title,
      source: values.source,
      addedBy: '命令行',
      progress: (n) => progressBar(n, '加入范文库'),
    });
  } finally {
    await db.destroy();
  }
  const { templates, duplicates } = summary;
  return finish({ templates, duplicates }, [...collected.failed, ...summary.failed], templates + duplicates);
}

async function templatesList(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' } } });
  const db = await openStore(defaultDbPath(values.db));
  try {
    for (const t of await listTemplates(db, {})) {
      const { id, title, kind, sourceUrl, fileName, chars, reports, takenChars } = t;
      process.stdout.write(`${JSON.stringify({ id: String(id), title, kind, source: sourceUrl, file: fileName, chars, reports, taken: takenChars })}\n`);
    }
    return 0;
  } finally {
    await db.destroy();
  }
}

async function templatesCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') return templatesImport(rest);
  if (sub === 'list') return templatesList(rest);
  throw new UsageError('templates 的子命令为 import 或 list');
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } } });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError('--port 应为 1–65535 的整数');
  // Absent: all interfaces, so that the intranet reaches the server by its name or address.
  const host = (values.host ?? process.env.HOST)?.trim() || undefined;
  const { startServer } = await import('./server.js');
  try {
    await startServer({ dbPath: defaultDbPath(values.db), port, host });
  } catch (e) {
    if (e instanceof AccountError) fail(`YANPAN_ADMIN_PASSWORD 不能用作管理员密码：${e.message}`, 2);
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    const why: Record<string, string> = { EADDRINUSE: '端口已被占用', EADDRNOTAVAIL: '本机没有这个地址', EACCES: '没有权限使用这个端口', ENOTFOUND: '无法解析这个主机名' };
    if (why[code]) fail(`无法在 ${host ?? '所有网络接口'}:${port} 上启动看板：${why[code]}（${code}）`, 2);
    throw e;
  }
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
    const r = await backupDatabase(db, file, originalsDirFor(db));
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
    const r = await restoreDatabase(file, db, originalsDirFor(db));
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
  const { buildBriefing } = await import('./export/briefing.js');
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

async function units(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' } } });
  if (positionals.length > 0 && !(positionals[0] === 'import' && positionals.length === 2)) throw new UsageError('用法：yanpan units [--db PATH] 或 yanpan units import FILE.csv|FILE.xlsx [--db PATH]');
  const db = await openStore(defaultDbPath(values.db));
  try {
    if (positionals[0] === 'import') {
      const file = positionals[1]!;
      const bytes = readInput(file);
      let r;
      try {
        r = await importRegistryFile(db, file, bytes);
      } catch (e) {
        if (e instanceof RegistryFileError) fail(`${file}: ${e.message}`, 2);
        throw e;
      }
      for (const e of r.errors) process.stderr.write(`${file}: ${e}\n`);
      if (r.merged + r.assigned > 0) process.stderr.write(`已按名录重新归属：合并单位 ${r.merged} 个，待确认报告 ${r.assigned} 份\n`);
      process.stdout.write(`${JSON.stringify({ units: r.units, added: r.added, updated: r.updated, merged: r.merged, assigned: r.assigned })}\n`);
      return r.errors.length === 0 ? 0 : r.units > 0 ? 1 : 2;
    }
    for (const u of await listUnits(db)) {
      const { name, department, aliases, reports, level, expected, registered } = u;
      process.stdout.write(`${JSON.stringify({ name, department, aliases, reports, level, expected, registered })}\n`);
    }
    return 0;
  } finally {
    await db.destroy();
  }
}

async function reports(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, pending: { type: 'boolean' } } });
  const db = await openStore(defaultDbPath(values.db));
  try {
    for (const line of await listReportProvenance(db, { pendingOnly: values.pending === true })) process.stdout.write(`${JSON.stringify(line)}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}

async function assign(args: string[]): Promise<number> {
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
    if (e instanceof AssignError) fail(`报告 ${positionals[0]}: ${e.message}`, 2);
    throw e;
  } finally {
    await db.destroy();
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  analyze,
  ingest,
  reuse,
  templates: templatesCommand,
  themes,
  export: exportCommand,
  serve,
  backup,
  restore,
  units,
  reports,
  assign,
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
    if (e instanceof UsageError) fail(`${e.message}\n${USAGE}`, 2);
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) fail(`${argumentError(String(e.code), e.message)}\n${USAGE}`, 2);
    if (e instanceof DatabaseOpenError) fail(e.message, 2);
    throw e;
  }
}

await main();

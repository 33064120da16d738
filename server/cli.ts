// The `yanpan` command-line program: the public interface of ../shared/CONTRACT.md.
// JSON on standard output; progress, logs and one-line failures on standard error.
// Exit 0 on success, 1 when some inputs failed, 2 on a usage error or when nothing could be done.
// Each command's module (server/cli/) is loaded only when that command runs: `yanpan --help` or a
// mistyped option costs no database driver, decoder or tokenizer.
import { DatabaseOpenError } from './db/errors.js';
import { fail, UsageError } from './cli/common.js';

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

/** Node's English parseArgs errors, said in Chinese (the option or argument named as the user typed it). */
function argumentError(code: string, message: string): string {
  const named = /'([^']+)'/.exec(message)?.[1]?.replace(/ <value>$/, '') ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知选项 ${named}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项 ${named} 的取值缺失或不对`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数 ${named}`;
  return '命令行参数有误';
}

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  analyze: async () => (await import('./cli/analyze.js')).analyze,
  ingest: async () => (await import('./cli/ingest.js')).ingest,
  reuse: async () => (await import('./cli/reuse.js')).reuse,
  templates: async () => (await import('./cli/templates.js')).templatesCommand,
  themes: async () => (await import('./cli/themes.js')).themes,
  export: async () => (await import('./cli/export.js')).exportCommand,
  serve: async () => (await import('./cli/serve.js')).serve,
  backup: async () => (await import('./cli/backup.js')).backup,
  restore: async () => (await import('./cli/backup.js')).restore,
  units: async () => (await import('./cli/units.js')).units,
  reports: async () => (await import('./cli/reports.js')).reports,
  assign: async () => (await import('./cli/reports.js')).assign,
};

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === '--help' || command === '-h') {
    process.stderr.write(`${USAGE}\n`);
    process.exit(command ? 0 : 2);
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) fail(`未知命令“${command}”\n${USAGE}`, 2);
  try {
    process.exitCode = await (await load())(rest);
  } catch (e) {
    if (e instanceof UsageError) fail(`${e.message}\n${USAGE}`, 2);
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) fail(`${argumentError(String(e.code), e.message)}\n${USAGE}`, 2);
    if (e instanceof DatabaseOpenError) fail(e.message, 2);
    throw e;
  }
}

await main();

// yanpan templates import|list: the template library (范文, 上级文件).
import { parseArgs } from 'node:util';
import { isWebAddress } from '../../shared/templates.js';
import type { TemplateKind } from '../../shared/types.js';
import { defaultDbPath } from '../db/connection.js';
import { collectSubmissions } from '../intake/collect.js';
import { importTemplates } from '../intake/templates.js';
import { progressBar } from '../progress.js';
import { listTemplates } from '../queries/templates.js';
import { fail, finish, UsageError } from './common.js';
import { fileSources, openStore } from './store.js';

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

export async function templatesCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') return templatesImport(rest);
  if (sub === 'list') return templatesList(rest);
  throw new UsageError('templates 的子命令为 import 或 list');
}

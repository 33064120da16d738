// Reference texts into the template library (范文库): files, folders or zips of model essays and of
// superiors' documents, decoded like reports, stored once by content, each in its own transaction with
// the stored reports that took text from it marked (reuse/templates.ts). The CLI and the upload route
// call it. Templates belong to no unit: they are not reports and appear in no unit statistics.
import path from 'node:path';
import type { TemplateImportResult, TemplateImportSummary } from '../../shared/templates.js';
import type { TemplateKind } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { DecodeError, decodeReport } from '../decode/index.js';
import type { Progress } from '../progress.js';
import { addTemplate } from '../reuse/index.js';
import { type BatchSource, ReadError, unpack } from './batch.js';
import { contentHash, nonWhitespaceChars, type Submission } from './ingest.js';

/** Shorter texts are no template: a passage taken from one would be under the shortest reuse counted. */
export const MIN_TEMPLATE_CHARS = 100;
/** The first line is the title when it is this short (a heading), else the file's name is. */
const TITLE_MAX = 60;

export interface TemplateOptions {
  kind: TemplateKind;
  /** The title of every template of the run (with the file's name when there are several). */
  title?: string;
  /** Where the text was found (a web address). */
  source?: string;
  addedBy?: string;
  /** A progress display for the texts found (a zip's entries each). */
  progress?: (texts: number) => Progress;
}

/** A heading-like first line (no sentence punctuation), else the file's name without its extension. */
export function templateTitle(text: string, fileName: string): string {
  const first = text.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  if (first.length > 0 && first.length <= TITLE_MAX && !/[。；;！？]/.test(first)) return first;
  return path.posix.basename(fileName.replace(/\\/g, '/')).replace(/\.[^.]+$/, '');
}

async function importOne(db: Db, sub: Submission, title: string | null, opts: TemplateOptions): Promise<TemplateImportResult> {
  const file = sub.fileName;
  let text: string;
  try {
    text = (await decodeReport(sub.bytes, file)).text;
  } catch (e) {
    if (e instanceof DecodeError) return { file, status: 'failed', error: e.message };
    throw e;
  }
  const chars = nonWhitespaceChars(text);
  if (chars < MIN_TEMPLATE_CHARS) return { file, status: 'failed', error: `文字过少（${chars} 字），不足以作为范文库文本（至少 ${MIN_TEMPLATE_CHARS} 字）` };
  const hash = contentHash(text);
  const existing = await db.selectFrom('templates').select(['id', 'title']).where('content_hash', '=', hash).executeTakeFirst();
  if (existing) return { file, status: 'duplicate', templateId: existing.id, title: existing.title };
  const name = title ?? templateTitle(text, file);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('templates')
      .values({
        title: name,
        kind: opts.kind,
        source_url: opts.source ?? null,
        file_name: file,
        content_hash: hash,
        chars,
        text,
        added_at: new Date().toISOString(),
        added_by: opts.addedBy ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reports = await addTemplate(trx, id);
    return { file, status: 'stored', templateId: id, title: name, kind: opts.kind, reports };
  });
}

/** Imports every file (a zip's entries each); one bad file fails that file only. */
export async function importTemplates(db: Db, sources: BatchSource[], opts: TemplateOptions): Promise<TemplateImportSummary & { results: TemplateImportResult[] }> {
  const results: TemplateImportResult[] = [];
  const submissions: Submission[] = [];
  for (const source of sources) {
    try {
      const { submissions: subs, refused } = await unpack(await source.read());
      submissions.push(...subs);
      for (const r of refused) results.push({ file: r.file, status: 'failed', error: r.error });
    } catch (e) {
      if (!(e instanceof DecodeError) && !(e instanceof ReadError)) throw e;
      results.push({ file: source.label, status: 'failed', error: e.message });
    }
  }
  const progress = opts.progress?.(submissions.length);
  for (const sub of submissions) {
    const base = path.posix.basename(sub.fileName.replace(/\\/g, '/')).replace(/\.[^.]+$/, '');
    const title = opts.title ? (submissions.length > 1 ? `${opts.title}（${base}）` : opts.title) : null;
    results.push(await importOne(db, sub, title, opts));
    progress?.tick(sub.fileName);
  }
  progress?.done();
  const failed = results.flatMap((r) => (r.status === 'failed' ? [{ file: r.file, error: r.error }] : []));
  return {
    templates: results.filter((r) => r.status === 'stored').length,
    duplicates: results.filter((r) => r.status === 'duplicate').length,
    failed,
    results,
  };
}

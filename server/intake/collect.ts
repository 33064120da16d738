// Gathers submissions from paths on disk (files, folders, manifests) for the CLI and the demo loader.
import fs from 'node:fs';
import path from 'node:path';
import type { ReportMeta } from '../../shared/types.js';
import { ARCHIVE_EXTENSION, REPORT_EXTENSIONS } from '../decode/index.js';
import { readManifest, type ManifestRow } from './manifest.js';

export interface FileSubmission {
  path: string;
  /** Name recorded for the report: relative to the folder or manifest it came from. */
  fileName: string;
  meta?: Partial<ReportMeta>;
  extra?: Record<string, string>;
}

export interface Collected {
  files: FileSubmission[];
  failed: Array<{ file: string; error: string }>;
}

/** Files a folder walk takes (the report formats and zips); anything else in a folder (README, notes) is passed over. */
const SUBMISSION_EXT = new Set<string>([...REPORT_EXTENSIONS, ARCHIVE_EXTENSION]);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile() && SUBMISSION_EXT.has(path.extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}

/**
 * Paths may be files or folders; a folder's manifest.csv is used when no manifest is given.
 * Manifest rows whose file is missing are failures named by the row's file.
 */
export function collectSubmissions(paths: string[], manifestPath?: string): Collected {
  const failed: Collected['failed'] = [];
  const rows = new Map<string, ManifestRow>();
  const manifests = manifestPath ? [manifestPath] : [];
  for (const p of paths) {
    const auto = path.join(p, 'manifest.csv');
    if (!manifestPath && fs.existsSync(p) && fs.statSync(p).isDirectory() && fs.existsSync(auto)) manifests.push(auto);
  }
  for (const m of manifests) for (const row of readManifest(m)) rows.set(row.file, row);

  const seen = new Set<string>();
  const files: FileSubmission[] = [];
  const add = (full: string, base: string) => {
    const abs = path.resolve(full);
    if (seen.has(abs)) return;
    seen.add(abs);
    const row = rows.get(abs);
    files.push({ path: abs, fileName: path.relative(base, abs) || path.basename(abs), meta: row?.meta, extra: row?.extra });
  };
  for (const p of paths) {
    if (!fs.existsSync(p)) {
      failed.push({ file: p, error: '文件或目录不存在' });
      continue;
    }
    if (fs.statSync(p).isDirectory()) for (const f of walk(p)) add(f, p);
    else add(p, path.dirname(p));
  }
  for (const row of rows.values()) {
    if (seen.has(row.file)) continue;
    if (!fs.existsSync(row.file)) failed.push({ file: row.file, error: '清单中列出的文件不存在' });
    else add(row.file, path.dirname(row.file));
  }
  return { files, failed };
}

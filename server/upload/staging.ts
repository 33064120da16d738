// An upload between receipt and commit: staged in <data>/staging/<batch id>/ with one file per report
// (a zip's entries written out one by one) and batch.json, which says what was found in each file.
// Nothing reaches the database before the user confirms; a batch not committed expires after a day.
// A scan is read by OCR here, once, within the upload's OCR page budget: its text is staged beside it
// (<file>.decoded.json) so that the commit does not read it again.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SessionUser } from '../../shared/roles.js';
import type { UploadItem } from '../../shared/uploads.js';
import type { Db } from '../db/connection.js';
import { DecodeError, expandArchive, isArchiveName, OcrBudget, type DecodedReport } from '../decode/index.js';
import { formatBytes } from '../decode/zipfile.js';
import { nonWhitespaceChars, prepareSubmission } from '../intake/ingest.js';
import type { ReceivedFile, UploadLimits } from './receive.js';

export const STAGING_TTL_MS = 24 * 3600_000;

export interface StagedItem extends UploadItem {
  /** The staged bytes, relative to the batch folder; null when the item is refused. */
  file: string | null;
}

export interface StagedBatch {
  id: string;
  userId: number;
  createdAt: string;
  items: StagedItem[];
}

export function stagingRoot(dataDir: string): string {
  return path.join(dataDir, 'staging');
}

const BATCH_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The folder of a batch id, or null when the id is not one we could have made (no path from the client). */
export function batchDir(root: string, id: string): string | null {
  return BATCH_ID.test(id) ? path.join(root, id) : null;
}

export async function createBatchDir(root: string): Promise<{ id: string; dir: string }> {
  const id = randomUUID();
  const dir = path.join(root, id);
  await fs.mkdir(dir, { recursive: true });
  return { id, dir };
}

export async function removeBatch(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/** Where a staged file's decoded text is kept when reading it took OCR. */
function decodedPath(dir: string, file: string): string {
  return path.join(dir, `${file}.decoded.json`);
}

/** The staged text of a scan, when it was read by OCR at staging; null for any other file. */
export async function loadDecoded(dir: string, file: string): Promise<DecodedReport | null> {
  try {
    return JSON.parse(await fs.readFile(decodedPath(dir, file), 'utf8')) as DecodedReport;
  } catch {
    return null;
  }
}

/** Removes staged batches older than the time-to-live (uploads nobody committed). */
export async function sweepExpired(root: string, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(root);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const dir = batchDir(root, name);
    if (!dir) continue;
    const stat = await fs.stat(dir).catch(() => null);
    if (stat && now - stat.mtimeMs > STAGING_TTL_MS) {
      await removeBatch(dir);
      removed++;
    }
  }
  return removed;
}

export async function loadBatch(dir: string): Promise<StagedBatch | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(dir, 'batch.json'), 'utf8')) as StagedBatch;
  } catch {
    return null;
  }
}

export function publicItem({ file: _file, ...item }: StagedItem): UploadItem {
  return item;
}

interface Pending {
  fileName: string;
  /** Relative to the batch folder. */
  file: string;
  size: number;
}

const EMPTY_META = { title: null, unit: null, department: null, year: null, period: null };

function refused(id: number, fileName: string, size: number, problem: string): StagedItem {
  return { id, fileName, file: null, size, meta: EMPTY_META, encoding: null, chars: 0, duplicateOf: null, replaces: null, warnings: [], problem };
}

export interface StageOptions {
  /** Each scanned page as it has been read. */
  onPage?: (file: string, page: number, pages: number) => void;
  /** The client went away: scans still being read are abandoned. */
  signal?: AbortSignal;
}

/**
 * Reads every received file (zips unpacked into one item per entry), finds each report's metadata,
 * encoding, length and any stored duplicate, and writes batch.json. Refusals are items with a problem.
 */
export async function stageBatch(
  db: Db,
  user: SessionUser,
  id: string,
  dir: string,
  received: ReceivedFile[],
  limits: UploadLimits,
  opts: StageOptions = {},
): Promise<StagedBatch> {
  const items: StagedItem[] = [];
  const pending: Array<Pending & { id: number }> = [];
  const add = (fileName: string, size: number, problem: string | null, file?: string): void => {
    const itemId = items.length + pending.length;
    if (problem !== null || !file) items.push(refused(itemId, fileName, size, problem ?? '文件未能接收'));
    else pending.push({ id: itemId, fileName, file, size });
  };
  for (const r of received) {
    if (r.tooLarge) {
      add(r.name, r.size, `文件超过单个文件 ${formatBytes(limits.maxFileBytes)} 的上限，未接收`);
      continue;
    }
    if (!isArchiveName(r.name)) {
      add(r.name, r.size, null, path.basename(r.path));
      continue;
    }
    try {
      // From disk: the archive is never read into memory whole.
      const { entries, refused: refusals } = await expandArchive(r.path);
      for (const e of entries) {
        const file = `${path.basename(r.path)}-${items.length + pending.length}`;
        await fs.writeFile(path.join(dir, file), e.bytes);
        add(`${r.name}/${e.path}`, e.bytes.length, null, file);
      }
      for (const f of refusals) add(`${r.name}/${f.path}`, 0, f.reason);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      add(r.name, r.size, e.message);
    }
    await fs.rm(r.path, { force: true });
  }
  const seen = new Map<string, string>();
  const budget = new OcrBudget(limits.maxOcrPages);
  for (const p of pending) items.push(await inspect(db, user, dir, p, seen, { ...opts, budget }));
  items.sort((a, b) => a.id - b.id);
  const batch: StagedBatch = { id, userId: user.id, createdAt: new Date().toISOString(), items };
  await fs.writeFile(path.join(dir, 'batch.json'), JSON.stringify(batch));
  return batch;
}

/** One report: decoded and analysed (nothing stored), with what the user needs to confirm it. */
async function inspect(
  db: Db,
  user: SessionUser,
  dir: string,
  p: Pending & { id: number },
  seen: Map<string, string>,
  opts: StageOptions & { budget: OcrBudget },
): Promise<StagedItem> {
  const bytes = await fs.readFile(path.join(dir, p.file));
  // A submitter reports for its own unit: its name goes in before the text is read, like a manifest's.
  const given = user.role === 'submitter' && user.unitName ? { unit: user.unitName } : {};
  let prepared;
  try {
    prepared = await prepareSubmission(
      { fileName: p.fileName, bytes, meta: given },
      { budget: opts.budget, signal: opts.signal, onPage: (page, pages) => opts.onPage?.(p.fileName, page, pages) },
    );
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    await fs.rm(path.join(dir, p.file), { force: true });
    return refused(p.id, p.fileName, p.size, e.message);
  }
  if (prepared.ocr) {
    const decoded: DecodedReport = { text: prepared.text, encoding: prepared.encoding, warnings: prepared.warnings, ocr: prepared.ocr };
    await fs.writeFile(decodedPath(dir, p.file), JSON.stringify(decoded));
  }
  const meta = { ...prepared.meta };
  if (meta.unit) {
    const unit = await db.selectFrom('units').select('department').where('name', '=', meta.unit).executeTakeFirst();
    if (unit?.department) meta.department = unit.department;
  }
  const dup = await db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'u.name', 'r.title'])
    .where('r.content_hash', '=', prepared.hash)
    .executeTakeFirst();
  // A live report of the same unit and period: this file may be its corrected version.
  const replaces =
    meta.unit && meta.year !== null && meta.period !== null
      ? await db
          .selectFrom('reports as r')
          .innerJoin('units as u', 'u.id', 'r.unit_id')
          .select(['r.id', 'r.title', 'r.ingested_at'])
          .where('u.name', '=', meta.unit)
          .where('r.year', '=', meta.year)
          .where('r.period', '=', meta.period)
          .where('r.deleted_at', 'is', null)
          .where('r.superseded_by', 'is', null)
          .orderBy('r.id', 'desc')
          .executeTakeFirst()
      : undefined;
  // Missing fields are not warnings here: the page shows them from the metadata as the user edits it.
  const warnings = [...prepared.warnings];
  const twin = seen.get(prepared.hash);
  if (twin) warnings.push(`与本批的“${twin}”内容相同，只会入库一份`);
  else seen.set(prepared.hash, p.fileName);
  return {
    id: p.id,
    fileName: p.fileName,
    file: p.file,
    size: p.size,
    meta,
    encoding: prepared.encoding,
    chars: nonWhitespaceChars(prepared.text),
    duplicateOf: dup ? { reportId: dup.id, unit: dup.name, title: dup.title } : null,
    replaces: replaces && replaces.id !== dup?.id ? { reportId: replaces.id, title: replaces.title, ingestedAt: replaces.ingested_at } : null,
    warnings,
    problem: null,
  };
}

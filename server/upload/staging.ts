// An upload between receipt and commit: staged in <data>/staging/<batch id>/ with one file per report
// (a zip's entries written out one by one) and batch.json, which says what was found in each file.
// Nothing reaches the database before the user confirms; a batch not committed expires after two hours
// (swept on a timer and before each upload).
// A scan is read by OCR here, once, within the upload's OCR page budget: its text is staged beside it
// (<file>.decoded.json) so that the commit does not read it again.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SessionUser } from '../../shared/roles.js';
import { META_RULE_LABELS } from '../../shared/types.js';
import type { UploadItem } from '../../shared/uploads.js';
import { type Db, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../db/connection.js';
import { DEFAULT_ARCHIVE_LIMITS, type DecodedReport, expandArchive, isArchiveName, OcrBudget } from '../decode/index.js';
import { duplicateForViewer } from '../api/visibility.js';
import { perFileFailure } from '../intake/batch.js';
import { formatBytes } from '../decode/zipfile.js';
import { nonWhitespaceChars, prepareSubmission } from '../intake/ingest.js';
import { closestStoredVersion, RESUBMISSION_SHARE } from '../intake/resubmission.js';
import { UnitDirectory } from '../intake/units.js';
import type { ReceivedFile, UploadLimits } from './receive.js';

/** Long enough to check and correct a batch over a meeting; short enough not to keep abandoned files. */
export const STAGING_TTL_MS = 2 * 3600_000;
export const STAGING_SWEEP_MS = 10 * 60_000;

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
  await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
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

/** Sweeps now and then every `everyMs`; the timer does not keep the process alive. Stop it with clearInterval. */
export function sweepStagingPeriodically(root: string, everyMs = STAGING_SWEEP_MS): NodeJS.Timeout {
  const sweep = (): void => {
    sweepExpired(root).then(
      (n) => {
        if (n > 0) console.error(`[upload] removed ${n} expired staged batch(es)`);
      },
      (e: unknown) => console.error(`[upload] sweeping ${root}: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return timer;
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
  return { id, fileName, file: null, size, meta: EMPTY_META, encoding: null, chars: 0, duplicateOf: null, replaces: null, unitFrom: null, warnings: [], problem };
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
  /** Reports this request may still bring, and bytes its archives may still unpack to. */
  let unpackable = limits.maxUnpackedBytes;
  const readable = (): number => limits.maxItems - pending.length;
  const overItems = `本次上传的报告超过 ${limits.maxItems} 份的上限，此文件未读取，请分批上传`;
  const add = (fileName: string, size: number, problem: string | null, file?: string): void => {
    const itemId = items.length + pending.length;
    if (problem === null && file && readable() <= 0) problem = overItems;
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
    if (readable() <= 0 || unpackable <= 0) {
      add(r.name, r.size, readable() <= 0 ? overItems : `本次上传解压后的总大小已达 ${formatBytes(limits.maxUnpackedBytes)} 的上限，此压缩包未解压，请分批上传`);
      await fs.rm(r.path, { force: true });
      continue;
    }
    try {
      // From disk: the archive is never read into memory whole; it unpacks to what the request has left.
      const { entries, refused: refusals } = await expandArchive(r.path, {
        maxTotalBytes: Math.min(DEFAULT_ARCHIVE_LIMITS.maxTotalBytes, unpackable),
        maxEntries: Math.min(DEFAULT_ARCHIVE_LIMITS.maxEntries, readable()),
      });
      for (const e of entries) {
        unpackable -= e.bytes.length;
        const file = `${path.basename(r.path)}-${items.length + pending.length}`;
        await fs.writeFile(path.join(dir, file), e.bytes, { mode: PRIVATE_FILE_MODE });
        add(`${r.name}/${e.path}`, e.bytes.length, null, file);
      }
      for (const f of refusals) add(`${r.name}/${f.path}`, 0, f.reason);
    } catch (e) {
      add(r.name, r.size, perFileFailure(r.name, e).error);
    }
    await fs.rm(r.path, { force: true });
  }
  const seen = new Map<string, string>();
  const units = await UnitDirectory.load(db);
  const budget = new OcrBudget(limits.maxOcrPages);
  for (const p of pending) items.push(await inspect(db, user, dir, p, seen, units, { ...opts, budget }));
  items.sort((a, b) => a.id - b.id);
  const batch: StagedBatch = { id, userId: user.id, createdAt: new Date().toISOString(), items };
  await fs.writeFile(path.join(dir, 'batch.json'), JSON.stringify(batch), { mode: PRIVATE_FILE_MODE });
  return batch;
}

/** One report: decoded and analysed (nothing stored), with what the user needs to confirm it. */
async function inspect(
  db: Db,
  user: SessionUser,
  dir: string,
  p: Pending & { id: number },
  seen: Map<string, string>,
  units: UnitDirectory,
  opts: StageOptions & { budget: OcrBudget },
): Promise<StagedItem> {
  const bytes = await fs.readFile(path.join(dir, p.file));
  // A submitter reports for its own unit: its name goes in before the text is read, like an option.
  const given = user.role === 'submitter' && user.unitName ? { unit: user.unitName } : {};
  let prepared;
  try {
    prepared = await prepareSubmission({ fileName: p.fileName, bytes, options: given }, units, {
      budget: opts.budget,
      signal: opts.signal,
      onPage: (page, pages) => opts.onPage?.(p.fileName, page, pages),
    });
  } catch (e) {
    const failure = perFileFailure(p.fileName, e);
    await fs.rm(path.join(dir, p.file), { force: true });
    return refused(p.id, p.fileName, p.size, failure.error);
  }
  if (prepared.ocr) {
    const decoded: DecodedReport = { text: prepared.text, encoding: prepared.encoding, warnings: prepared.warnings, ocr: prepared.ocr };
    await fs.writeFile(decodedPath(dir, p.file), JSON.stringify(decoded), { mode: PRIVATE_FILE_MODE });
  }
  const { meta, resolution } = prepared;
  const dup = await db
    .selectFrom('reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id as reportId', 'r.unit_id as unitId', 'r.deleted_at as deletedAt', 'u.name as unit', 'u.kind', 'r.title'])
    .where('r.content_hash', '=', prepared.hash)
    .executeTakeFirst();
  // A live report of the same unit and period: this file may be its corrected version (proposed as one
  // when it repeats most of that report's text).
  const replaces =
    resolution.unit && meta.year !== null && meta.period !== null ? await closestStoredVersion(db, resolution.unit.id, meta.year, meta.period, prepared.text) : null;
  // Missing fields are not warnings here: the page shows them from the metadata as the user edits it.
  const warnings = [...prepared.warnings];
  const twin = seen.get(prepared.hash);
  if (twin) warnings.push(`与本批的“${twin}”内容相同，只会入库一份`);
  else seen.set(prepared.hash, p.fileName);
  const u = resolution.provenance.unit;
  return {
    id: p.id,
    fileName: p.fileName,
    file: p.file,
    size: p.size,
    meta,
    encoding: prepared.encoding,
    chars: nonWhitespaceChars(prepared.text),
    duplicateOf: dup ? duplicateForViewer(user, { ...dup, unit: dup.kind === 'pending' ? '（待确认）' : dup.unit }) : null,
    replaces:
      replaces && replaces.reportId !== dup?.reportId
        ? { reportId: replaces.reportId, title: replaces.title, ingestedAt: replaces.ingestedAt, share: Math.round(replaces.share * 1000) / 1000, proposed: replaces.share >= RESUBMISSION_SHARE }
        : null,
    unitFrom: u.rule ? `${u.source === 'registry' ? '单位名录匹配，' : ''}${META_RULE_LABELS[u.rule]}${u.span ? `“${prepared.text.slice(u.span.start, u.span.end)}”` : ''}` : null,
    warnings,
    problem: null,
  };
}

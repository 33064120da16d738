// A batch sent as one .zip: the report files inside (folders kept in the path), each entry refused on its
// own when it is unsafe or unreadable, and the archive refused whole only when the archive itself is bad.
import fs from 'node:fs/promises';
import { DecodeError } from './errors.js';
import { ARCHIVE_EXTENSION, extensionOf, typeRefusal } from './formats.js';
import { formatBytes, openZip, type ZipContainer, type ZipItem } from './zipfile.js';

export interface ArchiveLimits {
  /** Entries listed in one archive's directory (a nested archive counts on its own). */
  maxEntries: number;
  /** Unpacked size of one entry. */
  maxEntryBytes: number;
  /** Unpacked size of everything taken from the archive, nested archives included. */
  maxTotalBytes: number;
  /**
   * Unpacked ÷ packed size above which an entry is treated as a zip bomb (for entries over 1 MB); the
   * whole archive may unpack to this many times its own size (at least `ratioFreeBytes`), so that many
   * small entries of zeros cannot add up to a bomb either.
   */
  maxRatio: number;
  /** What any archive may unpack to, whatever its ratio (a small zip of a few text reports). */
  ratioFreeBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 2000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  // Chinese text deflates about 2–4×, Word XML up to ~30× (a .docx inside a zip barely deflates at all);
  // bombs run at 1000× and more.
  maxRatio: 100,
  ratioFreeBytes: 16 * 1024 * 1024,
};

/** Small entries cannot hurt whatever their ratio (a page of spaces deflates 500×). */
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

export interface ArchiveEntry {
  /** Path inside the archive, `/`-separated; a nested archive's entries read `inner.zip/…`. */
  path: string;
  bytes: Uint8Array;
}

export interface ArchiveRefusal {
  path: string;
  reason: string;
}

export interface ArchiveContents {
  entries: ArchiveEntry[];
  refused: ArchiveRefusal[];
}

async function archiveSize(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    throw new DecodeError('压缩文件无法读取');
  }
}

/** Operating-system litter that nobody meant to submit: skipped without a word. */
function isLitter(name: string): boolean {
  const segments = name.split('/').filter((s) => s !== '');
  if (segments[0] === '__MACOSX') return true;
  const base = segments[segments.length - 1] ?? '';
  return segments.some((s) => s.startsWith('.') && s !== '.') || base.startsWith('~$') || /^(thumbs\.db|desktop\.ini)$/i.test(base);
}

/** Why an entry name would leave the extraction folder, or null when it stays inside. */
export function unsafePathReason(name: string): string | null {
  if (name.includes('\0')) return '文件名含有非法字符';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return '文件路径是绝对路径，可能覆盖系统文件，已拒绝';
  if (name.split('/').includes('..')) return '文件路径含有“..”，会跳出解压目录，已拒绝';
  return null;
}

interface Budget {
  /** What the archive may unpack to in all. */
  limit: number;
  remaining: number;
}

async function expandContainer(
  zip: ZipContainer,
  prefix: string,
  depth: number,
  limits: ArchiveLimits,
  budget: Budget,
  out: ArchiveContents,
): Promise<void> {
  for (const item of zip.items) {
    const path = prefix + item.name;
    const refuse = (reason: string): void => {
      out.refused.push({ path, reason });
    };
    // Unsafe names first: "../x" must be refused aloud, not skipped as a dot-file.
    const unsafe = unsafePathReason(item.name);
    if (unsafe) {
      refuse(unsafe);
      continue;
    }
    if (item.isDirectory || isLitter(item.name)) continue;
    const ext = extensionOf(item.name);
    const nested = ext === ARCHIVE_EXTENSION;
    if (nested && depth >= 1) {
      refuse('压缩包嵌套超过一层，请解开后重新打包');
      continue;
    }
    const typeReason = nested ? null : typeRefusal(item.name);
    if (typeReason) {
      refuse(typeReason);
      continue;
    }
    if (item.symlink) {
      refuse('这是符号链接（指向别处的快捷方式），不是报告文件，已拒绝');
      continue;
    }
    if (item.encrypted) {
      refuse('文件已加密（设置了解压密码），无法读取；请不加密重新打包');
      continue;
    }
    const bytes = await readGuarded(zip, item, limits, budget).catch((err: unknown) => {
      if (err instanceof DecodeError) {
        refuse(err.message);
        return null;
      }
      throw err;
    });
    if (!bytes) continue;
    if (!nested) {
      out.entries.push({ path, bytes });
      continue;
    }
    let inner: ZipContainer;
    try {
      inner = await openZip(bytes, limits.maxEntries);
    } catch (err) {
      if (!(err instanceof DecodeError)) throw err;
      refuse(err.message);
      continue;
    }
    try {
      await expandContainer(inner, `${path}/`, depth + 1, limits, budget, out);
    } finally {
      inner.close();
    }
  }
}

/** Checks the declared sizes first, then inflates with a hard stop at the smaller of both budgets. */
async function readGuarded(zip: ZipContainer, item: ZipItem, limits: ArchiveLimits, budget: Budget): Promise<Uint8Array> {
  if (item.uncompressedSize > RATIO_CHECK_MIN_BYTES) {
    const ratio = item.uncompressedSize / Math.max(item.compressedSize, 1);
    if (ratio > limits.maxRatio) {
      throw new DecodeError(`压缩比异常（${Math.round(ratio)}:1，解压后 ${formatBytes(item.uncompressedSize)}），疑似“压缩炸弹”，已拒绝解压`);
    }
  }
  if (item.uncompressedSize > budget.remaining) {
    throw new DecodeError(`压缩包解压后的总大小超过 ${formatBytes(budget.limit)} 的上限，此文件未解压`);
  }
  const bytes = await zip.read(item, Math.min(limits.maxEntryBytes, budget.remaining));
  budget.remaining -= bytes.length;
  return bytes;
}

/**
 * The report files in a .zip (given as bytes, or as a path so a large upload is not read whole).
 * Throws DecodeError when the archive itself cannot be read; every other problem is one refusal.
 */
export async function expandArchive(input: Uint8Array | string, limits: Partial<ArchiveLimits> = {}): Promise<ArchiveContents> {
  const full: ArchiveLimits = { ...DEFAULT_ARCHIVE_LIMITS, ...limits };
  if (typeof input !== 'string' && input.length === 0) throw new DecodeError('文件为空');
  const packed = typeof input === 'string' ? await archiveSize(input) : input.length;
  const limit = Math.min(full.maxTotalBytes, Math.max(full.ratioFreeBytes, packed * full.maxRatio));
  const zip = await openZip(input, full.maxEntries);
  const out: ArchiveContents = { entries: [], refused: [] };
  try {
    await expandContainer(zip, '', 0, full, { limit, remaining: limit }, out);
  } finally {
    zip.close();
  }
  if (out.entries.length === 0 && out.refused.length === 0) throw new DecodeError('压缩包里没有文件');
  return out;
}

// The files units sent, kept as they came: content-addressed (originals/ab/abcdef…) in a folder next to
// the database, so the same file sent twice is kept once and a stored report can always name its file.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isPostgresUrl, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../db/connection.js';

/**
 * The folder of the files kept with a database (originals/, the upload staging/): beside a SQLite file;
 * for a PostgreSQL database, which has no folder, YANPAN_DATA_DIR (one folder all its servers share), else ./data.
 */
export function dataDirFor(dbPath: string): string {
  if (isPostgresUrl(dbPath)) return path.resolve(process.env.YANPAN_DATA_DIR ?? 'data');
  return path.dirname(path.resolve(dbPath));
}

export function originalsDirIn(dataDir: string): string {
  return path.join(dataDir, 'originals');
}

export function originalsDirFor(dbPath: string): string {
  return originalsDirIn(dataDirFor(dbPath));
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function originalPath(dir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(dir, sha256.slice(0, 2), sha256);
}

/**
 * Writes the bytes under their hash unless already there. `created` says whether this call wrote the
 * file, so a caller whose transaction then fails can take it back.
 */
export async function keepOriginal(dir: string, bytes: Uint8Array): Promise<{ sha256: string; created: boolean }> {
  const sha256 = sha256Hex(bytes);
  const file = originalPath(dir, sha256);
  try {
    await fs.access(file);
    return { sha256, created: false };
  } catch {
    // not kept yet
  }
  await fs.mkdir(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  // Written aside and renamed: a crash never leaves a truncated file under a valid hash.
  const tmp = `${file}.${randomUUID()}.tmp`;
  await fs.writeFile(tmp, bytes, { mode: PRIVATE_FILE_MODE });
  await fs.rename(tmp, file);
  return { sha256, created: true };
}

export async function dropOriginal(dir: string, sha256: string): Promise<void> {
  await fs.rm(originalPath(dir, sha256), { force: true });
}

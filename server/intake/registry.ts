// Importing a unit registry (yanpan units import, the 单位名录 view): each unit added or updated in its own
// transaction (one bad row fails that row only), then the reports already stored matched again.
import type { RegistryImport } from '../../shared/uploads.js';
import type { Db } from '../db/connection.js';
import { rematchStored } from './assign.js';
import { readTable, registryFromTable } from './registry-file.js';
import { RegistryError, type RegistryUnit, saveRegistryUnit } from './units.js';

export async function importRegistry(db: Db, units: readonly RegistryUnit[], errors: string[] = []): Promise<RegistryImport> {
  let added = 0;
  let updated = 0;
  for (const u of units) {
    try {
      const r = await db.transaction().execute((trx) => saveRegistryUnit(trx, u));
      if (r.added) added++;
      else updated++;
    } catch (e) {
      if (!(e instanceof RegistryError)) throw e;
      errors.push(`${u.name}：${e.message}，该单位未导入`);
    }
  }
  const { merged, assigned } = await rematchStored(db);
  return { units: added + updated, added, updated, merged, assigned, errors };
}

/** A CSV or .xlsx registry file. Throws RegistryFileError when the file as a whole cannot be read. */
export async function importRegistryFile(db: Db, fileName: string, bytes: Uint8Array): Promise<RegistryImport> {
  const { units, errors } = registryFromTable(await readTable(fileName, bytes));
  return importRegistry(db, units, errors);
}

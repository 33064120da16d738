// yanpan units [import FILE]: the registry of reporting units.
import { parseArgs } from 'node:util';
import { defaultDbPath } from '../db/connection.js';
import { listUnits } from '../intake/units.js';
import { fail, readInput, UsageError } from './common.js';
import { openStore } from './store.js';

export async function units(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' } } });
  if (positionals.length > 0 && !(positionals[0] === 'import' && positionals.length === 2)) throw new UsageError('用法：yanpan units [--db PATH] 或 yanpan units import FILE.csv|FILE.xlsx [--db PATH]');
  const db = await openStore(defaultDbPath(values.db));
  try {
    if (positionals[0] === 'import') {
      const file = positionals[1]!;
      const bytes = readInput(file);
      // The spreadsheet reader is loaded only for an import.
      const [{ importRegistryFile }, { RegistryFileError }] = await Promise.all([import('../intake/registry.js'), import('../intake/registry-file.js')]);
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

// The units intake files reports under: the registry a committee keeps (报送单位名录: name, department,
// aliases, level, the periods it must report) and the units submissions named without one; how a name a
// submission gives finds its unit; and the one unit row that holds reports whose unit is not known yet.
import type { Kysely, Transaction } from 'kysely';
import { PERIODS, type Period } from '../../shared/types.js';
import { type MatchKind, UnitRegistry, unitKey } from '../analyze/units.js';
import type { Database, UnitKind } from '../db/schema.js';

type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** The name of the unit row that holds pending reports whose unit is unknown; never shown as a unit. */
export const PENDING_UNIT = '（待确认）';

export interface UnitRow {
  id: number;
  name: string;
  department: string | null;
  kind: UnitKind;
}

export interface UnitMatch {
  unit: UnitRow;
  /** How the name met the unit: through the registry (name, alias, variant, abbreviation) or a stored unit's key. */
  how: MatchKind | 'stored';
}

/** Every named unit by key, and the registry for matching; loaded once per batch, told of the units it creates. */
export class UnitDirectory {
  private readonly byKey = new Map<string, UnitRow>();
  private readonly byId = new Map<number, UnitRow>();

  private constructor(
    units: UnitRow[],
    readonly registry: UnitRegistry,
  ) {
    for (const u of units) this.add(u);
  }

  /** No units at all: what a report is read against without a store (`yanpan analyze`). */
  static empty(): UnitDirectory {
    return new UnitDirectory([], new UnitRegistry([]));
  }

  static async load(db: DbOrTrx): Promise<UnitDirectory> {
    const [units, aliases] = await Promise.all([
      db.selectFrom('units').select(['id', 'name', 'department', 'kind']).where('kind', '<>', 'pending').orderBy('id').execute(),
      db.selectFrom('unit_aliases').select(['alias', 'unit_id']).execute(),
    ]);
    const aliasesOf = new Map<number, string[]>();
    for (const a of aliases) aliasesOf.set(a.unit_id, [...(aliasesOf.get(a.unit_id) ?? []), a.alias]);
    const registry = new UnitRegistry(units.filter((u) => u.kind === 'registry').map((u) => ({ id: u.id, name: u.name, aliases: aliasesOf.get(u.id) ?? [] })));
    return new UnitDirectory(units, registry);
  }

  add(u: UnitRow): void {
    this.byId.set(u.id, u);
    const key = unitKey(u.name);
    if (!this.byKey.has(key) || u.kind === 'registry') this.byKey.set(key, u);
  }

  unit(id: number): UnitRow | undefined {
    return this.byId.get(id);
  }

  /** The unit a name stands for: the registry's (by name, alias, variant, abbreviation), else a stored unit spelled alike. */
  find(name: string): UnitMatch | null {
    const m = this.registry.match(name);
    if (m) return { unit: this.byId.get(m.unitId)!, how: m.how };
    const stored = this.byKey.get(unitKey(name));
    return stored ? { unit: stored, how: 'stored' } : null;
  }
}

/**
 * The unit a name stands for, created (as named by a submission) when the store has none. A unit created
 * inside a transaction is told to the directory by the caller once the transaction is committed.
 */
export async function unitNamed(db: DbOrTrx, dir: UnitDirectory, name: string, department: string | null = null): Promise<{ unit: UnitRow; created: boolean }> {
  const match = dir.find(name);
  if (match) return { unit: match.unit, created: false };
  const stored = await db.selectFrom('units').select(['id', 'name', 'department', 'kind']).where('name', '=', name).where('kind', '<>', 'pending').executeTakeFirst();
  if (stored) return { unit: stored, created: false };
  const unit = await db.insertInto('units').values({ name, department, kind: 'found' }).returning(['id', 'name', 'department', 'kind']).executeTakeFirstOrThrow();
  return { unit, created: true };
}

/** The unit row of pending reports whose unit is unknown, created on first use. */
export async function pendingUnitId(db: DbOrTrx): Promise<number> {
  const row = await db.selectFrom('units').select('id').where('kind', '=', 'pending').executeTakeFirst();
  if (row) return row.id;
  const created = await db.insertInto('units').values({ name: PENDING_UNIT, department: null, kind: 'pending' }).returning('id').executeTakeFirstOrThrow();
  return created.id;
}

/** A unit of the registry as a committee writes it down. */
export interface RegistryUnit {
  name: string;
  department: string | null;
  aliases: string[];
  level: string | null;
  /** The periods it must report; null: not said (then it is expected every period the committee collects). */
  expected: Period[] | null;
}

export function formatExpected(expected: readonly Period[] | null): string | null {
  return expected && expected.length ? expected.join(';') : null;
}

export function parseExpected(s: string | null): Period[] | null {
  if (!s) return null;
  const list = s.split(';').filter((p): p is Period => (PERIODS as readonly string[]).includes(p));
  return list.length ? list : null;
}

/**
 * Adds or updates one registry unit (call it in a transaction); returns whether it was new. An import adds
 * aliases to those kept; an edit (`replaceAliases`) sets them. Throws RegistryError.
 */
export async function saveRegistryUnit(db: DbOrTrx, u: RegistryUnit, id?: number, opts: { replaceAliases?: boolean } = {}): Promise<{ id: number; added: boolean }> {
  const name = u.name.trim();
  if (!name || name === PENDING_UNIT) throw new RegistryError(`单位名称“${name}”不可用`);
  const byName = await db.selectFrom('units').select(['id', 'kind']).where('name', '=', name).executeTakeFirst();
  if (byName && id !== undefined && byName.id !== id) throw new RegistryError(`已有名为“${name}”的单位`);
  const target = id ?? byName?.id;
  const values = { name, department: u.department, kind: 'registry' as const, level: u.level, expected: formatExpected(u.expected) };
  let unitId: number;
  if (target === undefined) {
    unitId = (await db.insertInto('units').values(values).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    await db.updateTable('units').set(values).where('id', '=', target).execute();
    unitId = target;
  }
  const aliases = new Set(u.aliases.map((a) => a.trim()).filter((a) => a && a !== name));
  if (opts.replaceAliases) {
    const kept = await db.selectFrom('unit_aliases').select('alias').where('unit_id', '=', unitId).execute();
    const dropped = kept.map((k) => k.alias).filter((a) => !aliases.has(a));
    if (dropped.length) await db.deleteFrom('unit_aliases').where('unit_id', '=', unitId).where('alias', 'in', dropped).execute();
  }
  for (const alias of aliases) {
    const owner = await db.selectFrom('unit_aliases').select('unit_id').where('alias', '=', alias).executeTakeFirst();
    if (owner && owner.unit_id !== unitId) throw new RegistryError(`别名“${alias}”已属于另一单位`);
    if (!owner) await db.insertInto('unit_aliases').values({ alias, unit_id: unitId }).execute();
  }
  return { id: unitId, added: target === undefined };
}

export class RegistryError extends Error {}

export interface UnitListing {
  id: number;
  name: string;
  department: string | null;
  aliases: string[];
  level: string | null;
  expected: Period[] | null;
  /** In the registry, or only named by submissions. */
  registered: boolean;
  /** Stored reports (not deleted), pending ones included. */
  reports: number;
}

/** Every named unit with its aliases and how many reports it has: `yanpan units` and the 单位名录 view. */
export async function listUnits(db: DbOrTrx): Promise<UnitListing[]> {
  const [units, aliases, counts] = await Promise.all([
    db.selectFrom('units').select(['id', 'name', 'department', 'kind', 'level', 'expected']).where('kind', '<>', 'pending').orderBy('department').orderBy('name').execute(),
    db.selectFrom('unit_aliases').select(['alias', 'unit_id']).orderBy('alias').execute(),
    db
      .selectFrom('reports')
      .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deleted_at', 'is', null)
      .where('superseded_by', 'is', null)
      .groupBy('unit_id')
      .execute(),
  ]);
  const reports = new Map(counts.map((c) => [c.unit_id, Number(c.n)]));
  const aliasesOf = new Map<number, string[]>();
  for (const a of aliases) aliasesOf.set(a.unit_id, [...(aliasesOf.get(a.unit_id) ?? []), a.alias]);
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    department: u.department,
    aliases: aliasesOf.get(u.id) ?? [],
    level: u.level,
    expected: parseExpected(u.expected),
    registered: u.kind === 'registry',
    reports: reports.get(u.id) ?? 0,
  }));
}

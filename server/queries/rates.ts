// Reuse shares over a set of reports: characters of each kind summed from reuse_reports (under an alias),
// divided by the reports' characters. One definition for every view that shows them.
import { sql } from 'kysely';
import type { ReuseShares } from '../../shared/types.js';
import { shareOf } from './filters.js';

type Summed = 'stock' | 'copied' | 'shared' | 'self' | 'template' | 'directive';

/** Each kind's characters, as columns named after the kinds: summed over a group, or of one report (0 where no row joins). */
function kindColumns(alias: string, sum: boolean) {
  const col = (column: string) => (sum ? sql<number>`coalesce(sum(${sql.ref(`${alias}.${column}`)}), 0)` : sql<number>`coalesce(${sql.ref(`${alias}.${column}`)}, 0)`);
  return [
    col('stock_chars').as('stock'),
    col('copied_chars').as('copied'),
    col('shared_chars').as('shared'),
    col('self_chars').as('self'),
    col('template_chars').as('template'),
    col('directive_chars').as('directive'),
  ] as const;
}

/** The sums of each kind's characters over a group of reports. */
export const reuseSums = (alias: string) => kindColumns(alias, true);
/** One report's characters of each kind. */
export const reuseChars = (alias: string) => kindColumns(alias, false);

/** Shares of `chars` from summed (or one report's) characters per kind. */
export function reuseShares(row: Record<Summed, number | null>, chars: number | null): ReuseShares {
  const s = (k: Summed) => shareOf(row[k], chars);
  const template = s('template');
  const directive = s('directive');
  const shares = { stock: s('stock'), copied: s('copied'), shared: s('shared'), self: s('self'), template, model: template - directive, directive };
  return { ...shares, reuse: Math.min(1, shares.stock + shares.copied + shares.shared + shares.self + template) };
}

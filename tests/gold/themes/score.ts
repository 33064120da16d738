// The theme development set (../shared/corpus/dev/theme-statements.jsonl, third-party text kept out of
// the repository) with its hand grouping (dev.json beside this file), and the measures a grouping is
// judged by: the adjusted Rand index against the hand grouping and the share of statements assigned.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_DIR } from '../../shared-material.js';

export const THEME_DEV_SET = path.join(SHARED_DIR, 'corpus', 'dev', 'theme-statements.jsonl');

export interface DevStatement {
  id: string;
  /** Where it was cut from: a seed file, a realpages id or a page's URL. */
  source: string;
  /** The sub-heading the statement sits under, when it is not its own heading. */
  heading: string | null;
  text: string;
  /** 'heldout': never used while tuning. */
  split: 'dev' | 'heldout';
  /** The codebook theme a reviewer filed it under; null when none fits. */
  gold: string | null;
}

/** The statements with their gold theme, or null (with a warning) when ../shared is not there. */
export function loadThemeDevSet(): DevStatement[] | null {
  if (!fs.existsSync(THEME_DEV_SET)) {
    console.warn(`[tests] 问题主题开发集不在 ${THEME_DEV_SET}：依赖它的测试和基准被跳过`);
    return null;
  }
  const goldFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dev.json');
  const { gold } = JSON.parse(fs.readFileSync(goldFile, 'utf8')) as { gold: Record<string, string | null> };
  return fs
    .readFileSync(THEME_DEV_SET, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Omit<DevStatement, 'gold'>)
    .map((s) => {
      if (!(s.id in gold)) throw new Error(`开发集的 ${s.id} 没有人工归类`);
      return { id: s.id, source: s.source, heading: s.heading ?? null, text: s.text, split: s.split, gold: gold[s.id]! };
    });
}

/**
 * Adjusted Rand index of two groupings of the same items (Hubert & Arabie). An item in no group (null)
 * is a group of its own on that side: leaving a statement unassigned is neither rewarded nor hidden.
 */
export function adjustedRandIndex(a: ReadonlyArray<string | null>, b: ReadonlyArray<string | null>): number {
  if (a.length !== b.length) throw new Error('groupings of different lengths');
  const n = a.length;
  const key = (g: string | null, i: number) => (g === null ? `\u0000${i}` : g);
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const x = key(a[i]!, i);
    const y = key(b[i]!, i);
    cells.set(`${x}\u0001${y}`, (cells.get(`${x}\u0001${y}`) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
  }
  const pairs = (m: number) => (m * (m - 1)) / 2;
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + pairs(v), 0);
  const index = sum(cells);
  const [sa, sb] = [sum(rows), sum(cols)];
  const expected = (sa * sb) / pairs(n);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

export interface GroupingScore {
  statements: number;
  ari: number;
  /** Share of statements the grouping assigned to some theme. */
  coverage: number;
}

/** ARI and coverage of predicted themes (in the order of `set`) over the statements `keep` selects. */
export function scoreGrouping(set: readonly DevStatement[], predicted: ReadonlyArray<string | null>, keep: (s: DevStatement) => boolean = () => true): GroupingScore {
  const idx = set.flatMap((s, i) => (keep(s) ? [i] : []));
  const pred = idx.map((i) => predicted[i]!);
  return {
    statements: idx.length,
    ari: adjustedRandIndex(pred, idx.map((i) => set[i]!.gold)),
    coverage: pred.filter((p) => p !== null).length / idx.length,
  };
}

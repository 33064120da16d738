// The theme development set — problem statements cut by hand from the seeds and the realpages excerpts in
// ../shared, third-party text that stays there: dev.json beside this file holds only where each statement
// stands (source, offsets, a key) and the theme a reviewer filed it under — and the measures a grouping is
// judged by: the adjusted Rand index against the reviewer's grouping and the share of statements assigned.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_DIR } from '../../shared-material.js';
import { EXCERPTS_FILE, loadExcerpts } from '../realpages.js';

export const SEEDS_DIR = path.join(SHARED_DIR, 'seeds');
const GOLD_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dev.json');

export type DevSplit = 'dev' | 'heldout';

/** A span of a source's text, with the first characters of that span as its key. */
interface KeyedSpan {
  start: number;
  end: number;
  key: string;
}

/** One statement of dev.json: where it stands, and the reviewer's theme. */
export interface DevAnnotation extends KeyedSpan {
  id: string;
  /** A seed file name (seeds/) or a realpages excerpt id. */
  source: string;
  /** The sub-heading the statement sits under, when it is not its own heading. */
  heading: KeyedSpan | null;
  split: DevSplit;
  /** The codebook theme a reviewer filed it under; null when none fits. */
  gold: string | null;
}

export interface DevStatement {
  id: string;
  source: string;
  heading: string | null;
  text: string;
  /** 'heldout': never used while tuning. */
  split: DevSplit;
  gold: string | null;
}

/** The part a source belongs to: held out when the SHA-1 of its id, read as a number, is 0 mod 3. */
export function splitOfSource(source: string): DevSplit {
  const digest = createHash('sha1').update(source).digest();
  // 256 ≡ 1 (mod 3): a number's remainder mod 3 is that of the sum of its bytes.
  return digest.reduce((sum, byte) => sum + byte, 0) % 3 === 0 ? 'heldout' : 'dev';
}

/**
 * The statements cut from their sources' texts. Throws when a key does not stand at its offsets (the
 * source changed, or the gold is wrong) and when a statement's split is not its source's.
 */
export function cutStatements(annotations: readonly DevAnnotation[], textOf: (source: string) => string | undefined): DevStatement[] {
  const cut = (id: string, text: string, span: KeyedSpan, what: string): string => {
    if (span.start < 0 || span.end > text.length || span.start >= span.end || !text.startsWith(span.key, span.start)) {
      throw new Error(`开发集 ${id}：${what}的标记“${span.key}”不在原文 ${span.start}–${span.end} 处（原文变了，或标注有误）`);
    }
    return text.slice(span.start, span.end);
  };
  return annotations.map((a) => {
    const text = textOf(a.source);
    if (text === undefined) throw new Error(`开发集 ${a.id}：找不到原文 ${a.source}`);
    if (a.split !== splitOfSource(a.source)) throw new Error(`开发集 ${a.id}：划分 ${a.split} 与来源 ${a.source} 的哈希不符`);
    return {
      id: a.id,
      source: a.source,
      heading: a.heading ? cut(a.id, text, a.heading, '小标题') : null,
      text: cut(a.id, text, a, '问题表述'),
      split: a.split,
      gold: a.gold,
    };
  });
}

/** The statements with their gold theme, or null (with a warning) when ../shared's seeds or excerpts are not there. */
export function loadThemeDevSet(): DevStatement[] | null {
  if (!fs.existsSync(SEEDS_DIR) || !fs.existsSync(EXCERPTS_FILE)) {
    console.warn(`[tests] 问题主题开发集的原文（${SEEDS_DIR} 与 ${EXCERPTS_FILE}）不在：依赖它的测试和基准被跳过`);
    return null;
  }
  const { statements } = JSON.parse(fs.readFileSync(GOLD_FILE, 'utf8')) as { statements: DevAnnotation[] };
  const excerpts = loadExcerpts();
  const seeds = new Map<string, string>();
  return cutStatements(statements, (source) => {
    if (excerpts.has(source)) return excerpts.get(source)!.text;
    const file = path.join(SEEDS_DIR, path.basename(source));
    if (!seeds.has(source) && fs.existsSync(file)) seeds.set(source, fs.readFileSync(file, 'utf8'));
    return seeds.get(source);
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

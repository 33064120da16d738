// Scores metadata detection (unit, year, period) against hand annotations: the real excerpts
// (tests/gold/meta/excerpts.json over ../shared/corpus/realpages), the five seeds and the reports written
// in the forms committees use (tests/fixtures/meta-forms.ts). Units compare through their key, so that
// 中共市统计局党组 and 市统计局 are one unit.
import fs from 'node:fs';
import path from 'node:path';
import type { Period } from '../../shared/types.js';
import { analyzeReport } from '../../server/analyze/index.js';
import { chooseUnit } from '../../server/analyze/meta.js';
import { type UnitRegistry, unitKey } from '../../server/analyze/units.js';
import { SHARED_DIR, seedSampleFiles } from '../shared-material.js';
import { vocab } from '../../server/analyze/vocab.js';
import { GOLD_DIR } from './evaluate.js';

export interface MetaGold {
  unit: string | null;
  year: number | null;
  period: Period | null;
}

export interface MetaCase extends MetaGold {
  id: string;
  text: string;
  fileName?: string;
}

export const EXCERPTS_FILE = path.join(SHARED_DIR, 'corpus', 'realpages', 'excerpts.jsonl');

/** The five samples (their copies in seed/samples) with their annotations. */
export function seedCases(): MetaCase[] {
  const gold = (JSON.parse(fs.readFileSync(path.join(GOLD_DIR, 'meta', 'seeds.json'), 'utf8')) as { seeds: Record<string, MetaGold> }).seeds;
  return seedSampleFiles().map((file) => {
    const name = path.basename(file);
    const g = gold[name];
    if (!g) throw new Error(`no annotation for sample ${name}`);
    return { id: name, fileName: name, text: fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), ...g };
  });
}

/** The excerpts with their annotations (the text read from ../shared, never copied here). */
export function realExcerptCases(): MetaCase[] {
  const gold = (JSON.parse(fs.readFileSync(path.join(GOLD_DIR, 'meta', 'excerpts.json'), 'utf8')) as { excerpts: Record<string, MetaGold> }).excerpts;
  return casesOf(EXCERPTS_FILE, gold);
}

const FRESH_EXCERPTS_FILE = path.join(SHARED_DIR, 'corpus', 'realpages-fresh', 'excerpts.jsonl');

/** The fresh set of excerpts (tests/gold/realpages/README.md) with their annotations; [] where its texts are absent. */
/** The fresh excerpts of one split (tests/gold/realpages-fresh/fpNNN.json): `fresh` (studied) or `unseen` (blind, not studied). */
export function freshExcerptCases(split: 'fresh' | 'unseen' = 'fresh'): MetaCase[] {
  if (!fs.existsSync(FRESH_EXCERPTS_FILE)) return [];
  const gold = JSON.parse(fs.readFileSync(path.join(GOLD_DIR, 'realpages-fresh', 'meta.json'), 'utf8')) as Record<string, MetaGold>;
  const splitOf = (id: string) => (JSON.parse(fs.readFileSync(path.join(GOLD_DIR, 'realpages-fresh', `${id}.json`), 'utf8')) as { split: string }).split;
  return casesOf(FRESH_EXCERPTS_FILE, gold).filter((c) => splitOf(c.id) === split);
}

function casesOf(file: string, gold: Record<string, MetaGold>): MetaCase[] {
  return fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; text: string })
    .map((r) => {
      const g = gold[r.id];
      if (!g) throw new Error(`no annotation for excerpt ${r.id}`);
      return { id: r.id, text: r.text.replace(/\r\n/g, '\n'), ...g };
    });
}

export function excerptsAvailable(): boolean {
  const ok = fs.existsSync(EXCERPTS_FILE);
  if (!ok) console.warn(`[tests] 真实报告摘录不在 ${EXCERPTS_FILE}：依赖它的测试与基准被跳过`);
  return ok;
}

/** What intake's analysis takes from a case: the unit (through the registry when given), year and period. */
export function detectMeta(c: MetaCase, registry?: UnitRegistry): MetaGold {
  const a = analyzeReport(c.text, { fileName: c.fileName });
  const chosen = registry ? chooseUnit(a.metaEvidence.units, registry) : null;
  const unit = chosen?.match ? registry!.entries.find((e) => e.id === chosen.match!.unitId)!.name : a.meta.unit;
  return { unit, year: a.meta.year, period: a.meta.period };
}

export interface FieldScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export type MetaScores = Record<keyof MetaGold, FieldScore> & { misses: string[] };

function field(): FieldScore {
  return { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 };
}

/**
 * One unit, as the analysis merges its mentions: the same key, or one key the other with its level in front
 * (县政协机关 read from the body, 政协机关 annotated from the title).
 */
function sameUnit(a: string, b: string): boolean {
  const [x, y] = [unitKey(a), unitKey(b)].sort((p, q) => p.length - q.length) as [string, string];
  return x === y || (y.length === x.length + 1 && y.endsWith(x) && vocab.unitNames.levels.includes(y[0]!));
}

/** TP: found and right; FP: found but wrong or not in the gold; FN: in the gold but not found right. */
export function scoreMeta<C extends MetaCase>(cases: readonly C[], found: (c: C) => MetaGold): MetaScores {
  const scores = { unit: field(), year: field(), period: field(), misses: [] as string[] };
  for (const c of cases) {
    const got = found(c);
    for (const k of ['unit', 'year', 'period'] as const) {
      const same = k === 'unit' ? (a: unknown, b: unknown) => sameUnit(String(a), String(b)) : (a: unknown, b: unknown) => a === b;
      const want = c[k];
      const have = got[k];
      const s = scores[k];
      if (have !== null && want !== null && same(have, want)) s.tp++;
      else {
        if (have !== null) s.fp++;
        if (want !== null) s.fn++;
        if (have !== null || want !== null) scores.misses.push(`${c.id} ${k}: found ${have ?? '—'}, annotated ${want ?? '—'}`);
      }
    }
  }
  for (const k of ['unit', 'year', 'period'] as const) {
    const s = scores[k];
    s.precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
    s.recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  }
  return scores;
}

export function formatScores(label: string, s: MetaScores): string {
  const f = (x: FieldScore) => `P ${x.precision.toFixed(2)} R ${x.recall.toFixed(2)} (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`;
  return `${label}: unit ${f(s.unit)}; year ${f(s.year)}; period ${f(s.period)}`;
}

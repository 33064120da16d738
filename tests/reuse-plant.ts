// The planted-copy benchmark on the province corpus, shared by tests/unit/reuse-benchmark.test.ts and
// `npm run bench -- reuse`: passages of a province's report of an EARLIER year are planted into another
// province's report of a LATER year, verbatim and lightly edited (the province's name swapped, a number
// changed, words replaced, a sentence dropped). The engine must find them in the later report as copied,
// with the earlier report as source (PAN text-alignment measures), and must not blame the earlier report:
// there the passage is the original, naming the later report that took it.
// Province reports share real text too (central policy wording, other provinces' phrasing), so
// target/source pairs are taken where the unmodified corpus aligns nothing, and planted passages are
// taken from text the unmodified corpus finds no reuse in.
import { type Db, openDb } from '../server/db/connection.js';
import { freshDbLocation } from './test-db.js';
import { getReportReuse, indexReportReuse, withReuseBatch } from '../server/reuse/index.js';
import type { ReportReuse } from '../shared/types.js';
import { type AlignmentCase, type PanScores, panScores } from './pan.js';
import { type CorpusText, storeText } from './reuse-corpus.js';

export const EDITS = ['verbatim', 'unit', 'number', 'word', 'drop'] as const;
type Edit = (typeof EDITS)[number];
const CASES_PER_EDIT = 12;

const SYNONYMS: Record<string, string> = {
  加强: '强化', 推进: '推动', 提高: '提升', 加快: '加速', 积极: '大力', 促进: '带动', 完善: '健全', 深化: '深入',
  扎实: '切实', 建设: '打造', 发展: '进步', 实施: '落实', 支持: '扶持', 增长: '增加', 全面: '全方位',
};

/** A small deterministic generator (mulberry32), so the benchmark is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const shortName = (unit: string) => unit.replace(/(壮族|回族|维吾尔)?自治区$|省$|市$/, '');

interface Sentence {
  start: number;
  end: number;
}

/** Sentences ending in 。！？; or at a line break, each within one paragraph. */
function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。！？\n]+[。！？]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim().length > 0) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Stores the texts in a fresh database (tests/test-db.ts: SQLite or PostgreSQL) in one reuse batch (no analysis: the reuse engine alone). */
export async function runEngine(texts: CorpusText[]): Promise<{ db: Db; ids: number[] }> {
  const db = await openDb(await freshDbLocation());
  const ids: number[] = [];
  await withReuseBatch(db, async () => {
    for (const t of texts) {
      await db.transaction().execute(async (trx) => {
        const id = await storeText(trx, t);
        await indexReportReuse(trx, id);
        ids.push(id);
      });
    }
  });
  return { db, ids };
}

export interface Planted {
  target: number;
  source: number;
  edit: Edit;
  /** Where it came from in the source's text, and the (edited) passage inserted into the target. */
  srcStart: number;
  srcEnd: number;
  passage: string;
  insertAt: number;
}

function edit(kind: Edit, text: string, run: Sentence[], targetUnit: string, sourceUnit: string): string | null {
  const whole = text.slice(run[0]!.start, run[run.length - 1]!.end);
  switch (kind) {
    case 'verbatim':
      return whole;
    case 'unit': {
      const from = shortName(sourceUnit);
      return whole.includes(from) ? whole.replaceAll(from, shortName(targetUnit)) : null;
    }
    case 'number': {
      const m = /\d+/.exec(whole);
      return m ? whole.slice(0, m.index) + String(Number(m[0]) + 3) + whole.slice(m.index + m[0].length) : null;
    }
    case 'word': {
      let out = whole;
      let replaced = 0;
      for (const [w, s] of Object.entries(SYNONYMS)) {
        if (replaced < 2 && out.includes(w)) {
          out = out.replace(w, s);
          replaced++;
        }
      }
      return replaced === 2 ? out : null;
    }
    case 'drop':
      if (run.length < 3) return null;
      return run.filter((_, i) => i !== 1).map((s) => text.slice(s.start, s.end)).join('');
  }
}

export interface PlantedCorpus {
  planted: Planted[];
  /** The corpus with each target's planted paragraph, in the same order (so the same ids). */
  texts: CorpusText[];
  /** The truth in the modified texts' coordinates. */
  cases: AlignmentCase[];
}

/**
 * Plants CASES_PER_EDIT passages per kind of edit, each from a report of an earlier year into a report of
 * a later year of another unit, where the unmodified corpus (`base`) aligns nothing between the two.
 */
export async function plantCopies(texts: CorpusText[], base: { db: Db; ids: number[] }): Promise<PlantedCorpus> {
  const alignedPairs = new Set(
    (await base.db.selectFrom('reuse_passages').select(['report_id', 'source_id']).execute()).map((r) => `${r.report_id}:${r.source_id}`),
  );
  const reused = new Map<number, Array<[number, number]>>();
  for (const r of await getReportReuse(base.db)) reused.set(Number(r.id), r.spans.map((s) => [s.start, s.end]));
  const index = new Map(base.ids.map((id, i) => [id, i]));

  const rnd = random(20240601);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const planted: Planted[] = [];
  const usedTargets = new Set<number>();
  for (const kind of EDITS) {
    let made = 0;
    for (let attempt = 0; made < CASES_PER_EDIT && attempt < 5000; attempt++) {
      const target = pick(base.ids);
      const source = pick(base.ids);
      const t = texts[index.get(target)!]!;
      const s = texts[index.get(source)!]!;
      if (usedTargets.has(target) || t.unit === s.unit || alignedPairs.has(`${target}:${source}`)) continue;
      // Copied from an earlier year into a later one.
      if (s.year === null || t.year === null || s.year >= t.year) continue;
      // A run of 1–4 sentences of one paragraph, 60–300 characters, outside any reuse the corpus has.
      const ss = sentences(s.text);
      const first = Math.floor(rnd() * ss.length);
      const run = ss.slice(first, first + 1 + Math.floor(rnd() * 4));
      if (run.length === 0) continue;
      const start = run[0]!.start;
      const end = run[run.length - 1]!.end;
      if (end - start < 60 || end - start > 300 || s.text.slice(start, end).includes('\n')) continue;
      if ((reused.get(source) ?? []).some(([a, b]) => a < end && start < b)) continue;
      // Nor where a planting already took text from, or was put.
      if (planted.some((p) => p.source === source && p.srcStart < end && start < p.srcEnd)) continue;
      const passage = edit(kind, s.text, run, t.unit, s.unit);
      if (passage === null) continue;
      // Planted as a paragraph of its own, between two of the target's paragraphs.
      const breaks = [...t.text.matchAll(/\n/g)].map((m) => m.index + 1);
      if (breaks.length === 0) continue;
      planted.push({ target, source, edit: kind, srcStart: start, srcEnd: end, passage, insertAt: pick(breaks) });
      usedTargets.add(target);
      made++;
    }
    if (made !== CASES_PER_EDIT) throw new Error(`only ${made} ${kind} cases could be planted`);
  }
  // A source that is also a target has its planted paragraph before or after the passage taken from it.
  const shift = (id: number, at: number) => {
    const p = planted.find((x) => x.target === id);
    return p && p.insertAt <= at ? at + p.passage.length + 1 : at;
  };

  const cases: AlignmentCase[] = [];
  const modified = texts.map((t, i) => {
    const id = base.ids[i]!;
    const p = planted.find((x) => x.target === id);
    if (!p) return t;
    return { ...t, text: `${t.text.slice(0, p.insertAt)}${p.passage}\n${t.text.slice(p.insertAt)}` };
  });
  for (const p of planted) {
    p.srcStart = shift(p.source, p.srcStart);
    p.srcEnd = shift(p.source, p.srcEnd);
    cases.push({ susp: String(p.target), suspStart: p.insertAt, suspEnd: p.insertAt + p.passage.length, src: String(p.source), srcStart: p.srcStart, srcEnd: p.srcEnd });
  }
  return { planted, texts: modified, cases };
}

export interface PlantedScores {
  all: PanScores;
  byEdit: Array<[Edit, PanScores]>;
  /** Kinds of the target's spans that name the planted source. */
  kinds: Record<string, number>;
  /** Cases whose copier (the later report) has a copied span over the passage naming the source. */
  copierMarked: number;
  /** Cases where the source has no copied or shared span naming the target over the passage. */
  notBlamed: number;
  /** Cases where the source's span over the passage is `original`, naming the target. */
  originalMarked: number;
  /** Both: copier marked copied, the source's passage original and not blamed. */
  directionRight: number;
  cases: number;
}

const overlaps = (s: { start: number; end: number }, a: number, b: number) => s.start < b && a < s.end;

/** The PAN measures of the copied spans in the targets, and whether the direction came out right. */
export async function scorePlanted(db: Db, { planted, cases }: PlantedCorpus): Promise<PlantedScores> {
  const reuseOf = new Map<number, ReportReuse>();
  const get = async (id: number) => reuseOf.get(id) ?? reuseOf.set(id, (await getReportReuse(db, id))[0]!).get(id)!;
  const detections: AlignmentCase[] = [];
  const kinds: Record<string, number> = {};
  let copierMarked = 0;
  let notBlamed = 0;
  let originalMarked = 0;
  let directionRight = 0;
  for (const p of planted) {
    const target = await get(p.target);
    const source = await get(p.source);
    const [tStart, tEnd] = [p.insertAt, p.insertAt + p.passage.length];
    let marked = false;
    for (const span of target.spans) {
      for (const src of span.sources) {
        if (!('id' in src) || src.id !== String(p.source)) continue;
        kinds[span.kind] = (kinds[span.kind] ?? 0) + 1;
        if (span.kind !== 'copied') continue;
        detections.push({ susp: target.id, suspStart: span.start, suspEnd: span.end, src: src.id, srcStart: src.start, srcEnd: src.end });
        if (overlaps(span, tStart, tEnd)) marked = true;
      }
    }
    const namingTarget = source.spans.filter((s) => overlaps(s, p.srcStart, p.srcEnd) && s.sources.some((src) => 'id' in src && src.id === String(p.target)));
    const blamed = namingTarget.some((s) => s.kind === 'copied' || s.kind === 'shared');
    const original = namingTarget.some((s) => s.kind === 'original');
    if (marked) copierMarked++;
    if (!blamed) notBlamed++;
    if (original && !blamed) originalMarked++;
    if (marked && original && !blamed) directionRight++;
  }
  return { ...panOfPlanted({ planted, cases }, detections), kinds, copierMarked, notBlamed, originalMarked, directionRight, cases: planted.length };
}

/**
 * The PAN measures of any engine's detections (passages of a target with their source, ids as in the
 * cases), over all cases and by kind of edit: Yanpan's copied spans (scorePlanted) and another detector's
 * matches (tests/bench/race.ts) are scored alike.
 */
export function panOfPlanted({ planted, cases }: Pick<PlantedCorpus, 'planted' | 'cases'>, detections: AlignmentCase[]): Pick<PlantedScores, 'all' | 'byEdit'> {
  const byEdit = EDITS.map((kind): [Edit, PanScores] => {
    const ids = new Set(planted.filter((p) => p.edit === kind).map((p) => String(p.target)));
    return [kind, panScores(cases.filter((c) => ids.has(c.susp)), detections.filter((d) => ids.has(d.susp)))];
  });
  return { all: panScores(cases, detections), byEdit };
}

export function formatScores(reports: number, s: PlantedScores): string {
  const fmt = (name: string, x: PanScores) =>
    `${name.padEnd(9)} precision ${x.precision.toFixed(3)}  recall ${x.recall.toFixed(3)}  granularity ${x.granularity.toFixed(3)}  plagdet ${x.plagdet.toFixed(3)}  (${x.detected}/${x.cases} cases, ${x.detections} detections)`;
  const share = (n: number) => `${n}/${s.cases} (${((n / s.cases) * 100).toFixed(1)}%)`;
  return [
    `reuse benchmark: ${reports} province reports, ${s.cases} passages planted from an earlier year into a later one`,
    fmt('all', s.all),
    ...s.byEdit.map(([kind, x]) => fmt(kind, x)),
    `kinds of the copier's spans naming the planted source: ${JSON.stringify(s.kinds)}`,
    `direction: copier marked copied ${share(s.copierMarked)}; original not blamed ${share(s.notBlamed)}; original marked original ${share(s.originalMarked)}; all three ${share(s.directionRight)}`,
  ].join('\n');
}

// A deterministic demo corpus: ~40 units in six departments submitting half-year and annual 意识形态工作
// reports over five years, with planted copying, recycling, placeholders, template-site leftovers, stale
// references, missing problem sections, implausible figures and missed periods — every one recorded with
// its exact offsets in PlantedTruth, so tests can check that the system finds them.
import type { SectionKind } from '../../shared/types.js';
import { Rng } from './prng.js';
import { blockText, cloneBlock, type Block, type LeftoverKind, type Mark } from './segments.js';
import { buildReport, type DemoPeriod, type Draft } from './report.js';
import { buildUnit, DEPARTMENTS, type Richness, type Unit } from './units.js';
import { BODY_TEMPLATES } from './bank/achievements.js';
import { THEMES, themeWeight, type Theme } from './bank/problems.js';
import { fileNameOf } from './bank/frame.js';
import {
  draftLength,
  editPassage,
  findStale,
  pickPassage,
  plantForeign,
  plantImplausible,
  plantLineBreaks,
  plantPaidMarkers,
  plantPlaceholders,
  plantSiteNotice,
  plantStale,
  recycle,
  fillTemplate,
  templateBlocks,
  templateText,
} from './plant.js';
import { TEMPLATE_BANK, TEMPLATE_BLANKS, type TemplateBank } from './bank/templates.js';

export type { DemoPeriod };

export interface DemoReport {
  fileName: string;
  unit: string;
  department: string;
  year: number;
  period: DemoPeriod;
  title: string;
  text: string;
}

/** A span of one report's text (UTF-16 offsets, as JavaScript string indices). */
export interface TruthSpan {
  fileName: string;
  start: number;
  end: number;
  /** text.slice(start, end), for reading truth.json without the reports. */
  text: string;
}

export interface CopiedPassage {
  target: TruthSpan;
  source: TruthSpan;
  targetUnit: string;
  sourceUnit: string;
  mode: 'verbatim' | 'edited';
  /** What an edited copy changed: unit-name, figures, wording, sentence-dropped. */
  edits: string[];
  /** A body paragraph or the problem statements. */
  part: 'body' | 'problems';
}

/** A text of the demo template library (范文库), as the library holds it. */
export interface DemoTemplate {
  fileName: string;
  title: string;
  kind: 'model' | 'directive';
  source: string;
  text: string;
}

/** Paragraphs a report took from a template (its own names filled in; `edited`: a word or two replaced). */
export interface TemplateCopy {
  target: TruthSpan;
  /** The template's file name, and where in its text the paragraphs stand. */
  template: string;
  templateSpan: { start: number; end: number; text: string };
  kind: 'model' | 'directive';
  mode: 'verbatim' | 'edited';
}

export interface PlantedTruth {
  seed: number;
  years: number[];
  periods: DemoPeriod[];
  units: Array<{ unit: string; department: string; richness: Richness }>;
  themes: Array<{ id: string; label: string }>;
  /** Passages copied from another unit's report. */
  copies: CopiedPassage[];
  /** Paragraphs taken from the demo template library (several units may take the same one). */
  templateCopies: TemplateCopy[];
  /** Reports that are last year's report of the same unit, re-submitted with small changes. */
  selfRecycled: Array<{ fileName: string; predecessor: string; changes: string[] }>;
  /** Every placeholder (XX, *, 某局 …) with its kind: unit, number, date, person, phone. */
  placeholders: Array<TruthSpan & { kind: string }>;
  /** Reports planted with placeholders (all placeholders of the corpus are in them). */
  placeholderReports: string[];
  /** ##paidbegin##/##paidend## markers, site notices, hard line breaks inside words (the span is the \n). */
  templateLeftovers: Array<TruthSpan & { kind: LeftoverKind }>;
  /** Stale wording for the report's year; cause says whether planted or carried over. */
  staleReferences: Array<TruthSpan & { rule: string; note: string; cause: 'planted' | 'recycled' | 'copied' }>;
  /** Names of other cities, left in a template taken from elsewhere. */
  foreignNames: Array<TruthSpan & { name: string }>;
  /** Reports without any problems section (报喜不报忧). */
  missingProblems: string[];
  /** Figures no real unit can have reported: a rate over 100%, tens of thousands of meetings. */
  implausibleFigures: Array<TruthSpan & { activity: string; value: number; unit: string; reason: string }>;
  /** Periods a unit did not report. */
  missingPeriods: Array<{ unit: string; department: string; year: number; period: DemoPeriod }>;
  /** Every problem statement (without its 一是/（一） marker) and the theme it was written from. */
  problems: Array<TruthSpan & { theme: string }>;
  /** A unit stating the same problem theme in consecutive submitted reports. */
  recurrences: Array<{ unit: string; theme: string; fileNames: string[] }>;
  /** Every reported figure: the number with its measure word (value null where a placeholder stands). */
  figures: Array<TruthSpan & { activity: string; value: number | null; unit: string; approx: boolean }>;
  /** Section headings (marker and heading text) of level 1, and the subsections of achievements and plans. */
  sections: Array<TruthSpan & { kind: SectionKind; level: 1 | 2 | 3 }>;
}

export interface DemoCorpus {
  reports: DemoReport[];
  /** The template library (范文库) some reports took text from. */
  templates: DemoTemplate[];
  truth: PlantedTruth;
}

export interface DemoOptions {
  /** Number of units (default 40 × scale). */
  units?: number;
  years?: number[];
  seed?: number;
  /** Multiplies the number of units (the benchmark asks for 10). */
  scale?: number;
  periods?: DemoPeriod[];
}

const DEFAULT_SEED = 20240701;

/** Shares of reports given each planting (at least a few of each in any corpus). */
const RATES = {
  missing: 0.035,
  noProblems: 0.03,
  recycled: 0.025,
  copyTargets: 0.055,
  placeholders: 0.015,
  templateSite: 0.015,
  lineBreaks: 0.012,
  stale: 0.025,
  foreign: 0.008,
  implausible: 0.02,
  templateCopies: 0.03,
};
const AT_LEAST = 3;
const MAX_LENGTH = 7950;

interface Slot {
  unit: Unit;
  year: number;
  period: DemoPeriod;
  key: string;
}

function quota(rate: number, n: number): number {
  return Math.max(AT_LEAST, Math.round(rate * n));
}

export function generateDemoCorpus(options: DemoOptions = {}): DemoCorpus {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  const unitCount = options.units ?? Math.round(40 * scale);
  const years = (options.years ?? [2021, 2022, 2023, 2024, 2025]).slice().sort((a, b) => a - b);
  const periods = options.periods ?? ['H1', 'annual'];
  const root = new Rng(seed);

  // Units, with a house style each.
  const unitRng = root.fork('units');
  const units: Unit[] = [];
  for (let i = 0; i < unitCount; i++) {
    const pick = {
      richness: unitRng.weighted(['rich', 'normal', 'sparse'] as const, (r) => (r === 'normal' ? 2 : 1)),
      subStyle: unitRng.weighted(['paren-cn', 'ascii-paren-cn', 'arabic'] as const, (s) => (s === 'paren-cn' ? 3 : 1)),
      runIn: unitRng.chance(0.3),
    };
    // the unit's own words come from a stream of its own, so its house style above stays as it was
    units.push(buildUnit(i, root.fork(`unit-words:${i}`), pick, BODY_TEMPLATES));
  }

  // Slots in time order per unit; some are never submitted.
  const allSlots: Slot[] = [];
  for (const unit of units) for (const year of years) for (const period of periods) allSlots.push({ unit, year, period, key: fileNameOf(unit.name, year, period) });
  const missRng = root.fork('missing');
  const missing = new Set(missRng.sample(allSlots, quota(RATES.missing, allSlots.length)).map((s) => s.key));
  // one unit lapses: from the middle year on it sends no half-year report
  if (units.length > 1 && years.length > 2 && periods.includes('H1')) {
    const lapsed = missRng.pick(units);
    for (const y of years.slice(Math.floor(years.length / 2))) missing.add(fileNameOf(lapsed.name, y, 'H1'));
  }
  const slots = allSlots.filter((s) => !missing.has(s.key));

  // Problem themes per report: weights drift over the years, and a unit often repeats a theme.
  const themeRng = root.fork('themes');
  const noProblems = new Set(themeRng.sample(slots, quota(RATES.noProblems, slots.length)).map((s) => s.key));
  const themesOf = new Map<string, Theme[]>();
  const previous = new Map<string, Theme[]>();
  for (const s of slots) {
    if (noProblems.has(s.key)) {
      themesOf.set(s.key, []);
      continue;
    }
    const n = s.unit.richness === 'sparse' ? themeRng.int(2, 3) : s.unit.richness === 'rich' ? themeRng.int(3, 5) : themeRng.int(3, 4);
    const chosen: Theme[] = [];
    const before = previous.get(s.unit.name) ?? [];
    if (before.length > 0 && themeRng.chance(0.6)) chosen.push(themeRng.pick(before));
    const yi = years.indexOf(s.year);
    while (chosen.length < n) {
      const t = themeRng.weighted(
        THEMES.filter((x) => !chosen.includes(x)),
        (x) => themeWeight(x, yi, years.length),
      );
      chosen.push(t);
    }
    themesOf.set(s.key, chosen);
    previous.set(s.unit.name, chosen);
  }

  // The reports as written.
  const drafts = new Map<string, Draft>();
  for (const s of slots) {
    const rng = root.fork('report:' + s.key);
    const target = s.unit.richness === 'rich' ? rng.int(5500, 7700) : s.unit.richness === 'sparse' ? rng.int(2100, 3000) : rng.int(3200, 5000);
    drafts.set(s.key, buildReport(rng, { unit: s.unit, year: s.year, period: s.period, themes: themesOf.get(s.key)!, target }));
  }

  // ——— plantings ———
  const plantRng = root.fork('plant');
  const taken = new Set<string>(); // reports with a role: roles do not overlap
  const keys = plantRng.shuffle(slots.map((s) => s.key));
  const take = (n: number, ok: (key: string) => boolean): string[] => {
    const out: string[] = [];
    for (const k of keys) {
      if (out.length >= n) break;
      if (taken.has(k) || !ok(k)) continue;
      taken.add(k);
      out.push(k);
    }
    return out;
  };

  // Self-recycled: the predecessor is the same unit's report of the same period a year before.
  const predecessorOf = (key: string): string | null => {
    const d = drafts.get(key)!;
    const p = fileNameOf(d.unit.name, d.year - 1, d.period);
    return drafts.has(p) ? p : null;
  };
  const selfRecycled: PlantedTruth['selfRecycled'] = [];
  const recycledKeys = take(quota(RATES.recycled, slots.length), (k) => {
    const p = predecessorOf(k);
    return p !== null && !taken.has(p);
  });
  for (const k of recycledKeys) {
    const p = predecessorOf(k)!;
    taken.add(p); // the predecessor stays as it was written (no copy role, no planting)
    const d = drafts.get(k)!;
    const r = recycle(plantRng.fork('recycle:' + k), drafts.get(p)!, d);
    if (draftLength({ ...d, blocks: r.blocks }) > MAX_LENGTH) continue;
    d.blocks = r.blocks;
    d.title = r.title;
    selfRecycled.push({ fileName: k, predecessor: p, changes: r.changes });
  }

  // Copies between units: a target takes a paragraph or the problem statements of another unit's report.
  interface CopyPlan {
    target: Draft;
    source: Draft;
    targetBlocks: Block[];
    sourceBlocks: Block[];
    mode: 'verbatim' | 'edited';
    edits: string[];
    part: 'body' | 'problems';
  }
  const copyPlans: CopyPlan[] = [];
  const sources = new Set<string>();
  const targets = take(quota(RATES.copyTargets, slots.length), () => true);
  for (const tk of targets) {
    const target = drafts.get(tk)!;
    const rng = plantRng.fork('copy:' + tk);
    const passages = rng.chance(0.3) ? 2 : 1;
    const parts: Array<'body' | 'problems'> = passages === 2 ? ['body', 'problems'] : [rng.chance(0.35) ? 'problems' : 'body'];
    // sources: other units, this period or earlier, reports not otherwise touched (reused as source is fine)
    const candidates = slots.filter((s) => {
      if (s.unit.name === target.unit.name) return false;
      if (s.year > target.year || (s.year === target.year && s.period === 'annual' && target.period === 'H1')) return false;
      return sources.has(s.key) || !taken.has(s.key);
    });
    if (candidates.length === 0) continue;
    const preferred = candidates.filter((s) => s.unit.department === target.unit.department || rng.chance(0.3));
    const source = drafts.get(rng.pick(preferred.length > 0 ? preferred : candidates).key)!;
    for (const part of parts) {
      if (part === 'problems' && !target.blocks.some((b) => b.role === 'problems')) continue;
      const passage = pickPassage(rng, source, part);
      if (!passage) continue;
      const copied = passage.map(cloneBlock);
      const edits = rng.chance(0.5) ? editPassage(rng, copied, source, target) : [];
      const mode = edits.length > 0 ? 'edited' : 'verbatim';
      // where it goes: the same topic's paragraph, or the target's own problem statements
      let replaced: Block[];
      if (part === 'problems') replaced = target.blocks.filter((b) => b.role === 'problems');
      else {
        const topic = passage[0]!.topic;
        const bodies = target.blocks.filter((b) => b.role === 'body' && b.section === 'achievements' && b.segs[0]?.mark?.k !== 'heading' && !copyPlans.some((c) => c.targetBlocks.includes(b)));
        const same = bodies.filter((b) => b.topic === topic);
        const pool = same.length > 0 ? same : bodies;
        if (pool.length === 0) continue;
        replaced = [rng.pick(pool)];
      }
      const grow = copied.reduce((n, b) => n + blockText(b).length + 1, 0) - replaced.reduce((n, b) => n + blockText(b).length + 1, 0);
      if (draftLength(target) + grow > MAX_LENGTH || replaced.length === 0) continue;
      const at = target.blocks.indexOf(replaced[0]!);
      target.blocks = target.blocks.filter((b) => !replaced.includes(b));
      target.blocks.splice(at, 0, ...copied);
      copyPlans.push({ target, source, targetBlocks: copied, sourceBlocks: passage, mode, edits, part });
      sources.add(source.fileName);
      taken.add(source.fileName);
    }
  }

  // The rest: each on reports of its own.
  const free = (k: string) => !sources.has(k);
  const placeholderReports = take(quota(RATES.placeholders, slots.length), free);
  for (const k of placeholderReports) plantPlaceholders(plantRng.fork('ph:' + k), drafts.get(k)!, 0.5);
  const templateSite = take(quota(RATES.templateSite, slots.length), free);
  for (const k of templateSite) {
    const rng = plantRng.fork('site:' + k);
    const d = drafts.get(k)!;
    plantPaidMarkers(rng, d);
    if (rng.chance(0.5)) plantSiteNotice(rng, d);
    plantPlaceholders(rng, d, 0.25);
    if (rng.chance(0.5)) plantForeign(rng, d);
  }
  for (const k of take(quota(RATES.lineBreaks, slots.length), free)) {
    const rng = plantRng.fork('lb:' + k);
    const d = drafts.get(k)!;
    plantLineBreaks(rng, d);
    if (rng.chance(0.3)) plantSiteNotice(rng, d);
  }
  for (const k of take(quota(RATES.stale, slots.length), (x) => free(x) && plantStale(plantRng.fork('stale-check:' + x), structuredCloneDraft(drafts.get(x)!)).length > 0)) {
    plantStale(plantRng.fork('stale:' + k), drafts.get(k)!);
  }
  for (const k of take(quota(RATES.foreign, slots.length), free)) plantForeign(plantRng.fork('foreign:' + k), drafts.get(k)!);
  for (const k of take(quota(RATES.implausible, slots.length), free)) plantImplausible(plantRng.fork('implausible:' + k), drafts.get(k)!);
  // Last, so that the plantings above are as they were before the library: a body paragraph replaced by
  // one or two paragraphs of a template (model essays more often than the superior's document).
  const templatePlans: Array<{ target: Draft; blocks: Block[]; template: TemplateBank; first: number; count: number; edits: string[] }> = [];
  for (const k of take(quota(RATES.templateCopies, slots.length), free)) {
    const rng = plantRng.fork('template:' + k);
    const target = drafts.get(k)!;
    const template = rng.weighted(TEMPLATE_BANK, (t) => (t.kind === 'model' ? 3 : 1));
    const count = template.kind === 'model' && rng.chance(0.4) ? 2 : 1;
    const first = rng.int(0, template.paragraphs.length - count);
    const { blocks, edits } = templateBlocks(rng, target.unit, template.paragraphs.slice(first, first + count), rng.chance(0.4));
    const bodies = target.blocks.filter((b) => b.role === 'body' && b.section === 'achievements' && b.segs[0]?.mark?.k !== 'heading');
    if (bodies.length === 0) continue;
    const replaced = rng.pick(bodies);
    const grow = blocks.reduce((n, b) => n + blockText(b).length + 1, 0) - blockText(replaced).length - 1;
    if (draftLength(target) + grow > MAX_LENGTH) continue;
    target.blocks.splice(target.blocks.indexOf(replaced), 1, ...blocks);
    templatePlans.push({ target, blocks, template, first, count, edits });
  }

  // ——— the texts and the truth ———
  const truth: PlantedTruth = {
    seed,
    years,
    periods,
    units: units.map((u) => ({ unit: u.name, department: u.department, richness: u.richness })),
    themes: THEMES.map((t) => ({ id: t.id, label: t.label })),
    copies: [],
    templateCopies: [],
    selfRecycled,
    placeholders: [],
    placeholderReports: [],
    templateLeftovers: [],
    staleReferences: [],
    foreignNames: [],
    missingProblems: [],
    implausibleFigures: [],
    missingPeriods: allSlots.filter((s) => missing.has(s.key)).map((s) => ({ unit: s.unit.name, department: s.unit.department, year: s.year, period: s.period })),
    problems: [],
    recurrences: [],
    figures: [],
    sections: [],
  };
  const reports: DemoReport[] = [];
  const blockSpans = new Map<Block, { fileName: string; start: number; end: number }>();
  const texts = new Map<string, string>();
  const recycledSet = new Set(selfRecycled.map((r) => r.fileName));
  for (const s of slots) {
    const d = drafts.get(s.key)!;
    const parts: string[] = [];
    let offset = 0;
    for (const b of d.blocks) {
      const bStart = offset;
      for (const seg of b.segs) {
        const start = offset;
        offset += seg.text.length;
        const m = seg.mark;
        if (m) record(truth, m, { fileName: d.fileName, start, end: offset, text: seg.text });
      }
      blockSpans.set(b, { fileName: d.fileName, start: bStart, end: offset });
      parts.push(blockText(b));
      offset += 1; // the line break after the block
    }
    const text = parts.join('\n') + '\n';
    texts.set(d.fileName, text);
    if (!d.blocks.some((b) => b.role === 'problems')) truth.missingProblems.push(d.fileName);
    if (d.blocks.some((b) => b.segs.some((x) => x.mark?.k === 'placeholder'))) truth.placeholderReports.push(d.fileName);
    reports.push({ fileName: d.fileName, unit: d.unit.name, department: d.unit.department, year: d.year, period: d.period, title: d.title, text });
  }

  for (const c of copyPlans) {
    const t0 = blockSpans.get(c.targetBlocks[0]!)!;
    const t1 = blockSpans.get(c.targetBlocks[c.targetBlocks.length - 1]!)!;
    const s0 = blockSpans.get(c.sourceBlocks[0]!)!;
    const s1 = blockSpans.get(c.sourceBlocks[c.sourceBlocks.length - 1]!)!;
    const tt = texts.get(c.target.fileName)!;
    const st = texts.get(c.source.fileName)!;
    truth.copies.push({
      target: { fileName: c.target.fileName, start: t0.start, end: t1.end, text: tt.slice(t0.start, t1.end) },
      source: { fileName: c.source.fileName, start: s0.start, end: s1.end, text: st.slice(s0.start, s1.end) },
      targetUnit: c.target.unit.name,
      sourceUnit: c.source.unit.name,
      mode: c.mode,
      edits: c.edits,
      part: c.part,
    });
  }

  const templates: DemoTemplate[] = TEMPLATE_BANK.map((t) => ({ fileName: t.fileName, title: t.title, kind: t.kind, source: t.source, text: templateText(t) }));
  for (const p of templatePlans) {
    const t0 = blockSpans.get(p.blocks[0]!)!;
    const t1 = blockSpans.get(p.blocks[p.blocks.length - 1]!)!;
    const text = texts.get(p.target.fileName)!;
    const library = templates.find((t) => t.fileName === p.template.fileName)!.text;
    // The paragraphs' place in the library's text: after the title line, each paragraph on a line.
    const at = (i: number) => p.template.title.length + 1 + p.template.paragraphs.slice(0, i).reduce((n, x) => n + fillTemplate(x, TEMPLATE_BLANKS).length + 1, 0);
    const [start, end] = [at(p.first), at(p.first + p.count) - 1];
    truth.templateCopies.push({
      target: { fileName: p.target.fileName, start: t0.start, end: t1.end, text: text.slice(t0.start, t1.end) },
      template: p.template.fileName,
      templateSpan: { start, end, text: library.slice(start, end) },
      kind: p.template.kind,
      mode: p.edits.length > 0 ? 'edited' : 'verbatim',
    });
  }

  const plantedStale = new Set<string>();
  for (const d of drafts.values()) {
    let offset = 0;
    for (const b of d.blocks) {
      for (const seg of b.segs) {
        if (seg.mark?.k === 'stale') plantedStale.add(`${d.fileName}@${offset}`);
        offset += seg.text.length;
      }
      offset += 1;
    }
  }
  for (const r of reports) {
    for (const st of findStale(r.text, r.year)) {
      const inCopy = truth.copies.some((c) => c.target.fileName === r.fileName && st.start >= c.target.start && st.end <= c.target.end);
      const cause = plantedStale.has(`${r.fileName}@${st.start}`) ? 'planted' : recycledSet.has(r.fileName) ? 'recycled' : inCopy ? 'copied' : null;
      if (cause === null) throw new Error(`unplanned stale wording in ${r.fileName} at ${st.start}: ${r.text.slice(st.start, st.end)}`);
      truth.staleReferences.push({ fileName: r.fileName, start: st.start, end: st.end, text: r.text.slice(st.start, st.end), rule: st.rule, note: st.note, cause });
    }
  }

  truth.recurrences = recurrences(reports, truth.problems, periods);
  return { reports, templates, truth };
}

/** Files a marked segment under its kind of truth (stale wording is found again later, with the carried-over). */
function record(truth: PlantedTruth, m: Mark, sp: TruthSpan): void {
  switch (m.k) {
    case 'heading':
      truth.sections.push({ ...sp, kind: m.kind, level: m.level });
      break;
    case 'problem':
      truth.problems.push({ ...sp, theme: m.theme });
      break;
    case 'figure':
      truth.figures.push({ ...sp, activity: m.activity, value: m.value, unit: m.unit, approx: m.approx });
      if (m.implausible) truth.implausibleFigures.push({ ...sp, activity: m.activity, value: m.value ?? 0, unit: m.unit, reason: m.implausible });
      break;
    case 'placeholder':
      truth.placeholders.push({ ...sp, kind: m.kind });
      if (m.kind === 'number' && m.activity && m.unit) truth.figures.push({ ...sp, activity: m.activity, value: null, unit: m.unit, approx: false });
      break;
    case 'leftover':
      truth.templateLeftovers.push({ ...sp, kind: m.kind });
      break;
    case 'foreign':
      truth.foreignNames.push({ ...sp, name: m.name });
      break;
    case 'stale':
      break;
  }
}

function structuredCloneDraft(d: Draft): Draft {
  return { ...d, blocks: d.blocks.map(cloneBlock) };
}

/** Runs of consecutive submitted reports of a unit that state the same theme. */
function recurrences(reports: DemoReport[], problems: PlantedTruth['problems'], periods: DemoPeriod[]): PlantedTruth['recurrences'] {
  const order = (r: DemoReport) => r.year * 10 + (periods.indexOf(r.period) + 1);
  const themesOf = new Map<string, Set<string>>();
  for (const p of problems) {
    let s = themesOf.get(p.fileName);
    if (!s) themesOf.set(p.fileName, (s = new Set()));
    s.add(p.theme);
  }
  const byUnit = new Map<string, DemoReport[]>();
  for (const r of reports) {
    const list = byUnit.get(r.unit) ?? [];
    list.push(r);
    byUnit.set(r.unit, list);
  }
  const out: PlantedTruth['recurrences'] = [];
  for (const [unit, list] of byUnit) {
    list.sort((a, b) => order(a) - order(b));
    for (const t of THEMES) {
      let run: string[] = [];
      const flush = () => {
        if (run.length >= 2) out.push({ unit, theme: t.id, fileNames: run });
        run = [];
      };
      for (const r of list) {
        if (themesOf.get(r.fileName)?.has(t.id)) run.push(r.fileName);
        else flush();
      }
      flush();
    }
  }
  return out;
}

export { DEPARTMENTS };

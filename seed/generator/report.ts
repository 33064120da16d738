// Builds one report as blocks of segments: title, preamble, achievements by topic, problems by theme,
// plans, suggestions, signature and date, in the varied shapes real submissions take.
import { Rng } from './prng.js';
import { expand, expandText, type TemplateContext } from './template.js';
import type { Block, Segment } from './segments.js';
import { blockText } from './segments.js';
import type { Unit } from './units.js';
import { FIGURES } from './bank/figures.js';
import { GENERAL_SENTENCES, OWN_HEADING_ENDS, SENTENCE_TAILS, TOPICS, type Topic } from './bank/achievements.js';
import { PROBLEM_INTROS, PROBLEM_TITLES, type Theme } from './bank/problems.js';
import { CLOSINGS, PLAN_INTROS, PLAN_ITEMS, PLAN_TITLES_ANNUAL, PLAN_TITLES_H1, SUGGESTIONS, SUGGESTION_TITLES } from './bank/plans.js';
import {
  ACHIEVEMENT_TITLES,
  CITY,
  PREAMBLES,
  SIGNATURES,
  TITLES,
  eraCampaign,
  eraGuidance,
  eraMilestone,
  fileNameOf,
} from './bank/frame.js';
import { chineseNumber, drawValue, renderFigure } from './numerals.js';

/** The periods the demo corpus uses. */
export type DemoPeriod = 'annual' | 'H1' | 'H2';

export interface ReportSpec {
  unit: Unit;
  year: number;
  period: DemoPeriod;
  /** Problem themes to state, in order; empty for a report without a problems section. */
  themes: Theme[];
  /** Length the report aims at (characters). */
  target: number;
}

export interface Draft {
  fileName: string;
  unit: Unit;
  year: number;
  period: DemoPeriod;
  title: string;
  blocks: Block[];
}

/** Report-level context for the templates. */
export function reportContext(rng: Rng, unit: Unit, year: number, period: DemoPeriod): TemplateContext {
  const bias = unit.richness === 'rich' ? 0.6 : unit.richness === 'sparse' ? 2 : 1;
  // What the unit's reports of one year dwell on (its half-year and annual reports alike); other years, other tasks.
  const ofYear = new Rng((unit.seed ^ Math.imul(year, 0x9e3779b1)) >>> 0);
  const vars: Record<string, string[]> = {
    U: [unit.name],
    S: unit.self,
    B: [unit.body],
    D: [unit.domain],
    W: [unit.work],
    P: unit.staff,
    Y: [String(year)],
    NY: [String(year + 1)],
    SINCE: period === 'H1' ? ['今年以来', '上半年', '<Y>年上半年', '年初以来'] : period === 'H2' ? ['下半年', '<Y>年下半年', '7月以来'] : ['今年以来', '全年', '<Y>年', '一年来'],
    PERNAME: period === 'H1' ? ['上半年'] : period === 'H2' ? ['下半年'] : ['全年', '年度'],
    NEXT: period === 'annual' ? ['<NY>年', '新的一年'] : period === 'H1' ? ['下半年'] : ['<NY>年'],
    ERA: eraGuidance(year, period),
    ERA2: eraCampaign(year, period),
    MILESTONE: eraMilestone(year),
    FOCUS: unit.focus,
    CITY,
    BIZ: ofYear.sample(unit.lexicon.biz, 3),
    SITE: unit.lexicon.sites,
    EV: ofYear.sample(unit.lexicon.events, 2),
    GR: unit.lexicon.groups,
    PLAT: unit.platforms,
    BRAND: ofYear.sample(unit.brands, 2),
    TOWN: ofYear.sample(unit.towns, 3),
    RED: unit.redSites,
  };
  const [first, last] = period === 'H1' ? [1, 6] : period === 'H2' ? [7, 12] : [1, 12];
  const month = () => rng.int(first, last);
  const dated: Record<string, () => string> = {
    MON: () => `${month()}月`,
    MD: () => (rng.chance(0.7) ? `${month()}月${rng.int(1, 28)}日` : `${month()}月${rng.pick(['初', '上旬', '中旬', '下旬', '底'])}`),
  };
  // a variable drawn twice in a row gives another value where it can (<BIZ>、<BIZ>)
  const lastOf = new Map<string, string>();
  const ctx: TemplateContext = {
    rng,
    variable(name) {
      const date = dated[name];
      if (date) return date();
      const list = vars[name];
      if (!list) throw new Error(`unknown template variable <${name}>`);
      let v = rng.pick(list);
      if (v === lastOf.get(name) && list.length > 1) v = rng.pick(list.filter((x) => x !== v));
      lastOf.set(name, v);
      return expandText(v, ctx);
    },
    figure(key): Segment {
      const spec = FIGURES[key];
      if (!spec) throw new Error(`unknown figure <N:${key}>`);
      const r = renderFigure(rng, spec, drawValue(rng, spec, bias));
      return { text: r.text, mark: { k: 'figure', activity: spec.activity, value: r.value, unit: spec.unit, approx: r.approx } };
    },
  };
  return ctx;
}

/** 0 → 一, 10 → 十一. */
function ordinal(i: number): string {
  return chineseNumber(i + 1);
}

/** Level-2 marker in the unit's house style. */
function subMarker(unit: Unit, i: number): string {
  const n = ordinal(i);
  if (unit.subStyle === 'paren-cn') return `（${n}）`;
  if (unit.subStyle === 'ascii-paren-cn') return `(${n})`;
  return `${i + 1}.`;
}

function level3Marker(unit: Unit, i: number): string {
  return unit.subStyle === 'arabic' ? `（${i + 1}）` : `${i + 1}.`;
}

const ENUM = ['一是', '二是', '三是', '四是', '五是', '六是', '七是'];

/** Draws templates without repeating one inside a report. */
class Picker {
  private used = new Set<string>();
  constructor(
    private rng: Rng,
    private avoids: Set<string>,
  ) {}
  /** The templates of a list this unit uses (all of them if it would leave too few). */
  private own(list: readonly string[]): readonly string[] {
    const mine = list.filter((t) => !this.avoids.has(t));
    return mine.length >= Math.min(2, list.length) ? mine : list;
  }
  take(all: readonly string[], n: number): string[] {
    const list = this.own(all);
    const fresh = list.filter((t) => !this.used.has(t));
    const out = this.rng.sample(fresh.length >= n ? fresh : list, n);
    for (const t of out) this.used.add(t);
    return out;
  }
  one(list: readonly string[]): string {
    return this.take(list, 1)[0]!;
  }
  /** Up to `n` templates not used yet in this report (possibly none). */
  unused(list: readonly string[], n: number): string[] {
    const out = this.rng.sample(
      this.own(list).filter((t) => !this.used.has(t)),
      n,
    );
    for (const t of out) this.used.add(t);
    return out;
  }
}

function text(t: string): Segment {
  return { text: t };
}

function segsLength(segs: Segment[]): number {
  let n = 0;
  for (const s of segs) n += s.text.length;
  return n;
}

export function buildReport(rng: Rng, spec: ReportSpec): Draft {
  const { unit, year, period } = spec;
  const ctx = reportContext(rng, unit, year, period);
  const picker = new Picker(rng, unit.avoids);
  const ex = (t: string) => expand(t, ctx);
  /** A bank sentence, now and then with a tail on what it achieved. */
  const sentence = (t: string): Segment[] => {
    // units that date their work say when (3月12日，…): and no two sentences start alike then
    const dated = !/^<(MD|MON|SINCE)>/.test(t) && rng.chance(unit.dating) ? (rng.chance(0.6) ? '<MD>，' : '<MON>，') : '';
    const segs = expand(dated + t, ctx);
    const last = segs[segs.length - 1];
    if (last && !last.mark && last.text.endsWith('。') && rng.chance(unit.wordiness)) last.text = last.text.slice(0, -1) + '，' + exText(picker.one(SENTENCE_TAILS)) + '。';
    return segs;
  };
  const exText = (t: string) => expandText(t, ctx);
  const sentencesPer = unit.richness === 'rich' ? [8, 12] : unit.richness === 'sparse' ? [3, 4] : [4, 7];

  const title = exText(rng.pick(TITLES[period]));
  const head: Block[] = [];
  if (rng.chance(0.85)) head.push({ role: 'title', section: 'preamble', segs: [text(title)] });
  head.push({ role: 'preamble', section: 'preamble', segs: ex(rng.pick(PREAMBLES)) });

  // Problems and plans first: the achievements then fill the length the report aims at.
  const problemBlocks = spec.themes.length > 0 ? buildProblems() : [];
  const planBlocks = buildPlans();
  const tail = buildTail();
  const flat = rng.chance(0.3);

  function buildProblems(): Block[] {
    const blocks: Block[] = [];
    const style = rng.pick(['inline', 'inline', 'lines', 'subsections', 'numbered'] as const);
    // rich reporters say more about each problem
    const statement = (th: Theme): { head: string; detail: Segment[] } => {
      const details = rng.sample(th.details, unit.richness === 'rich' && rng.chance(0.6) ? 2 : 1);
      return { head: exText(rng.pick(th.heads)), detail: details.flatMap((d) => ex(d)) };
    };
    const intro = ex(rng.pick(PROBLEM_INTROS));
    const items = spec.themes.map((th) => ({ th, ...statement(th) }));
    const problem = (th: Theme, s: { head: string; detail: Segment[] }, sep: string): Segment => ({
      text: s.head + sep + s.detail.map((d) => d.text).join(''),
      mark: { k: 'problem', theme: th.id },
    });
    if (style === 'inline') {
      const segs: Segment[] = [...intro];
      items.forEach((it, i) => {
        segs.push(text(ENUM[i]!), problem(it.th, it, rng.chance(0.5) ? '。' : '，'));
      });
      blocks.push({ role: 'problems', section: 'problems', segs });
    } else {
      if (rng.chance(0.7)) blocks.push({ role: 'problems', section: 'problems', segs: intro });
      items.forEach((it, i) => {
        const marker = style === 'lines' ? ENUM[i]! : style === 'subsections' ? subMarker(unit, i) : `${i + 1}.`;
        blocks.push({ role: 'problems', section: 'problems', segs: [text(marker), problem(it.th, it, '。')] });
      });
    }
    return blocks;
  }

  function planBody(it: { body: string[] }): Segment[] {
    const n = unit.richness === 'rich' ? 2 : unit.richness === 'normal' && rng.chance(0.3) ? 2 : 1;
    return rng.sample(it.body, n).flatMap((b) => ex(b));
  }

  function buildPlans(): Block[] {
    const n = unit.richness === 'sparse' ? rng.int(2, 3) : unit.richness === 'rich' ? rng.int(3, 5) : rng.int(2, 4);
    const items = rng.sample(PLAN_ITEMS, n);
    const intros = spec.themes.length > 0 ? PLAN_INTROS : PLAN_INTROS.slice(1);
    const blocks: Block[] = [];
    if (rng.chance(0.12)) {
      // only a closing paragraph, no plans heading (as sample 002)
      return [{ role: 'closing', section: 'plans', segs: ex(rng.pick(CLOSINGS)) }];
    }
    if (rng.chance(0.75)) blocks.push({ role: 'plan', section: 'plans', segs: ex(rng.pick(intros)) });
    const inline = rng.chance(0.35);
    if (inline) {
      const segs: Segment[] = [];
      items.forEach((it, i) => segs.push(text(ENUM[i]! + exText(it.title) + '。'), ...planBody(it)));
      blocks.push({ role: 'plan', section: 'plans', segs });
    } else {
      items.forEach((it, i) => {
        const heading: Segment = { text: subMarker(unit, i) + exText(it.title), mark: { k: 'heading', kind: 'plans', level: 2 } };
        blocks.push({ role: 'plan', section: 'plans', segs: [heading, text('。'), ...planBody(it)] });
      });
    }
    return blocks;
  }

  function buildTail(): Block[] {
    const blocks: Block[] = [];
    if (rng.chance(0.15)) {
      const segs: Segment[] = [];
      rng.sample(SUGGESTIONS, rng.int(1, 2)).forEach((s, i) => segs.push(text(ENUM[i]!), ...ex(s)));
      blocks.push({ role: 'body', section: 'suggestions', segs });
    }
    if (rng.chance(0.35)) blocks.push({ role: 'signature', section: 'other', segs: [text(exText(rng.pick(SIGNATURES)))] });
    if (rng.chance(0.7)) {
      const [y, m, d] = period === 'H1' ? [year, rng.pick([6, 7, 7]), rng.int(1, 28)] : period === 'H2' ? [year, 12, rng.int(10, 31)] : rng.chance(0.7) ? [year + 1, 1, rng.int(4, 25)] : [year, 12, rng.int(10, 31)];
      blocks.push({ role: 'date', section: 'other', segs: [text(`${y}年${m}月${d}日`)] });
    }
    return blocks;
  }

  /** One achievements subsection body for a topic: prose, 一是… inline, 一是… lines, or numbered items. */
  function topicBody(topic: Topic, headingSegs: Segment[] | null): Block[] {
    const [lo, hi] = sentencesPer as [number, number];
    const k = rng.int(lo, hi);
    const style = rng.weighted(['prose', 'inline', 'lines', 'numbered'] as const, (s) =>
      s === 'numbered' ? (unit.richness === 'rich' ? 1 : 0) : s === 'lines' ? (unit.richness === 'sparse' ? 0.3 : 1) : 1.2,
    );
    const intro = ex(picker.one(topic.intros));
    const general = rng.chance(0.45) ? picker.unused(GENERAL_SENTENCES, 1) : [];
    const fresh = picker.unused(topic.sentences, k - general.length);
    // a rich reporter that has said everything once goes on in the same moulds with other particulars
    const again = unit.richness === 'rich' ? rng.sample(topic.sentences, k - general.length - fresh.length) : [];
    const sentences = [...fresh, ...again, ...general];
    const lead = (segs: Segment[]): Segment[] => (headingSegs ? [...headingSegs, ...segs] : segs);
    const body = (segs: Segment[]): Block => ({ role: 'body', section: 'achievements', topic: topic.id, segs });
    if (style === 'prose') {
      const all = sentences.flatMap((s) => sentence(s));
      if (sentences.length < 6) return [body(lead([...intro, ...all]))];
      // a long prose part comes in two paragraphs
      const half = Math.ceil(sentences.length / 2);
      return [body(lead([...intro, ...sentences.slice(0, half).flatMap((s) => sentence(s))])), body(sentences.slice(half).flatMap((s) => sentence(s)))];
    }
    const titles = picker.take(topic.itemTitles, Math.min(sentences.length, topic.itemTitles.length, rng.int(2, 5)));
    const items = titles.map((t) => ({ title: exText(t), body: [] as Segment[] }));
    sentences.forEach((s, i) => items[i % items.length]!.body.push(...sentence(s)));
    if (style === 'inline') {
      const segs: Segment[] = [...intro];
      items.forEach((it, i) => segs.push(text(`${ENUM[i]!}${it.title}。`), ...it.body));
      return [body(lead(segs))];
    }
    const out: Block[] = [body(lead(intro))];
    items.forEach((it, i) => {
      const marker = style === 'lines' ? ENUM[i]! : level3Marker(unit, i);
      out.push(body([text(`${marker}${it.title}。`), ...it.body]));
    });
    return out;
  }

  function topicSection(topic: Topic, index: number, level: 1 | 2): Block[] {
    const marker = level === 1 ? `${ordinal(index)}、` : subMarker(unit, index);
    const title = exText(picker.one(topic.headings));
    // many offices name their own work in the heading's second half (…，护航组合式税费支持政策落实)
    const comma = title.indexOf('，');
    const own = comma > 0 && rng.chance(unit.ownHeadings) ? title.slice(0, comma + 1) + exText(rng.pick(OWN_HEADING_ENDS)) : title;
    const heading: Segment = { text: marker + own, mark: { k: 'heading', kind: 'achievements', level } };
    if (level === 2 && unit.runIn) return topicBody(topic, [heading, text('。')]);
    return [{ role: 'heading', section: 'achievements', segs: [heading] }, ...topicBody(topic, null)];
  }

  // Topics in their usual order (组织领导 first, then 学习 …), a few swapped, as many as the length asks.
  const order = TOPICS.slice();
  if (rng.chance(0.3)) [order[0], order[1]] = [order[1]!, order[0]!];
  for (let i = 2; i < order.length - 1; i++) if (rng.chance(0.25)) [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
  const fixed = [...head, ...problemBlocks, ...planBlocks, ...tail].reduce((n, b) => n + segsLength(b.segs) + 1, 0) + 60;
  const sections: Block[][] = [];
  let length = fixed;
  for (const topic of order) {
    if (sections.length >= 2 && length >= spec.target) break;
    const level = flat ? 1 : 2;
    const blocks = topicSection(topic, sections.length, level);
    const add = blocks.reduce((n, b) => n + segsLength(b.segs) + 1, 0);
    if (sections.length >= 2 && length + add > 7600) continue;
    sections.push(blocks);
    length += add;
  }

  const blocks: Block[] = [...head];
  let top = 0;
  const level1 = (kind: 'achievements' | 'problems' | 'plans' | 'suggestions', title: string): Block => ({
    role: 'heading',
    section: kind,
    segs: [{ text: `${ordinal(top++)}、${title}`, mark: { k: 'heading', kind, level: 1 } }],
  });
  if (flat) {
    for (const s of sections) {
      const h = s[0]!.segs[0]!;
      h.text = `${ordinal(top++)}、${h.text.replace(/^[一二三四五六七八九十]+、/, '')}`;
      blocks.push(...s);
    }
  } else {
    blocks.push(level1('achievements', exText(rng.pick(ACHIEVEMENT_TITLES))));
    for (const s of sections) blocks.push(...s);
  }
  if (problemBlocks.length > 0) {
    blocks.push(level1('problems', rng.pick(PROBLEM_TITLES)));
    blocks.push(...problemBlocks);
  }
  const suggestions = tail.filter((b) => b.section === 'suggestions');
  const suggestionsFirst = suggestions.length > 0 && rng.chance(0.3);
  const pushSuggestions = () => {
    if (suggestions.length === 0) return;
    blocks.push(level1('suggestions', rng.pick(SUGGESTION_TITLES)));
    blocks.push(...suggestions);
  };
  if (suggestionsFirst) pushSuggestions();
  if (planBlocks[0]?.role === 'closing') blocks.push(...planBlocks);
  else {
    blocks.push(level1('plans', exText(rng.pick(period === 'H1' ? PLAN_TITLES_H1 : PLAN_TITLES_ANNUAL))));
    blocks.push(...planBlocks);
  }
  if (!suggestionsFirst) pushSuggestions();
  blocks.push(...tail.filter((b) => b.section !== 'suggestions'));

  return { fileName: fileNameOf(unit.name, year, period), unit, year, period, title, blocks };
}

export function draftText(d: Draft): string {
  return d.blocks.map(blockText).join('\n') + '\n';
}

// Plantings: the phenomena a supervising committee wants found, put into drafts as marked segments so
// their offsets are exact in the final text.
import type { Rng } from './prng.js';
import { blockText, cloneBlock, type Block, type Segment } from './segments.js';
import type { Draft } from './report.js';
import { reportContext } from './report.js';
import { expandText } from './template.js';
import type { Unit } from './units.js';
import { TEMPLATE_BLANKS, type TemplateBank } from './bank/templates.js';
import {
  FOREIGN_CITIES,
  FOREIGN_INSERTIONS,
  NUMBER_PLACEHOLDERS,
  PAID_BEGIN,
  PAID_END,
  SITE_NOTICES,
  STALE_INSERTIONS,
  STALE_RULES,
  UNIT_PLACEHOLDERS,
} from './bank/plants.js';

export function draftLength(d: Draft): number {
  return d.blocks.reduce((n, b) => n + blockText(b).length + 1, 0);
}

function bodyBlocks(d: Draft): Block[] {
  return d.blocks.filter((b) => b.role === 'body' && blockText(b).length >= 60);
}

/** Splits the plain segments of a block around every match of `re`, giving the matches to `make`. */
function markMatches(block: Block, re: RegExp, make: (match: string) => Segment | null, limit = Infinity): number {
  let count = 0;
  const out: Segment[] = [];
  for (const seg of block.segs) {
    if (seg.mark || count >= limit) {
      out.push(seg);
      continue;
    }
    let last = 0;
    const g = new RegExp(re.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = g.exec(seg.text)) && count < limit) {
      const made = make(m[0]);
      if (!made) continue;
      if (m.index > last) out.push({ text: seg.text.slice(last, m.index) });
      out.push(made);
      last = m.index + m[0].length;
      count++;
    }
    if (last < seg.text.length) out.push({ text: seg.text.slice(last) });
  }
  block.segs = out;
  return count;
}

/** Text with [[id:words]] marks into segments (stale rule ids, or CITY for a foreign city). */
function markedSegments(src: string, mark: (id: string, words: string) => Segment): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of src.matchAll(/\[\[([A-Za-z0-9]+)(?::([^\]]+))?\]\]/g)) {
    if (m.index! > last) out.push({ text: src.slice(last, m.index) });
    out.push(mark(m[1]!, m[2] ?? ''));
    last = m.index! + m[0].length;
  }
  if (last < src.length) out.push({ text: src.slice(last) });
  return out;
}

function appendToBlock(b: Block, segs: Segment[]): void {
  b.segs.push(...segs);
}

// ——— stale references ———

export function plantStale(rng: Rng, d: Draft): string[] {
  const stale = new Set(STALE_RULES.filter((r) => d.year < r.validFrom || d.year > r.validTo).map((r) => r.id));
  const fits = STALE_INSERTIONS.filter((ins) => [...ins.template.matchAll(/\[\[(\w+):/g)].every((m) => stale.has(m[1]!)));
  if (fits.length === 0) return [];
  const chosen = rng.sample(fits, rng.chance(0.3) ? 2 : 1);
  const ctx = reportContext(rng, d.unit, d.year, d.period);
  const rules: string[] = [];
  for (const ins of chosen) {
    const segs = markedSegments(expandText(ins.template, ctx), (id, words) => {
      rules.push(id);
      return { text: words, mark: { k: 'stale', rule: id } };
    });
    if (ins.place === 'preamble') {
      const pre = d.blocks.find((b) => b.role === 'preamble');
      pre?.segs.unshift(...segs);
    } else if (ins.place === 'study') {
      const b = d.blocks.find((x) => x.topic === 'study') ?? rng.pick(bodyBlocks(d));
      appendToBlock(b, segs);
    } else {
      const plans = d.blocks.filter((b) => b.section === 'plans' && b.role !== 'heading');
      appendToBlock(plans[plans.length - 1] ?? d.blocks[d.blocks.length - 1]!, segs);
    }
  }
  return rules;
}

/** Every stale wording in a finished text, by the rules (planted or carried over by recycling or copying). */
export function findStale(text: string, year: number): Array<{ start: number; end: number; rule: string; note: string }> {
  const out: Array<{ start: number; end: number; rule: string; note: string }> = [];
  for (const r of STALE_RULES) {
    if (year >= r.validFrom && year <= r.validTo) continue;
    for (const m of text.matchAll(new RegExp(r.pattern.source, 'g'))) out.push({ start: m.index!, end: m.index! + m[0].length, rule: r.id, note: r.note });
  }
  return out.sort((a, b) => a.start - b.start);
}

// ——— foreign city names ———

export function plantForeign(rng: Rng, d: Draft): void {
  const city = rng.pick(FOREIGN_CITIES);
  const ctx = reportContext(rng, d.unit, d.year, d.period);
  const segs = markedSegments(expandText(rng.pick(FOREIGN_INSERTIONS), ctx), () => ({ text: city, mark: { k: 'foreign', name: city } }));
  const target = rng.chance(0.5) ? d.blocks.find((b) => b.role === 'preamble') : rng.pick(bodyBlocks(d));
  appendToBlock(target ?? d.blocks[d.blocks.length - 1]!, segs);
}

// ——— placeholders ———

/** A template never filled in: unit names, numbers, the person and the date left as XX/某局/*. */
export function plantPlaceholders(rng: Rng, d: Draft, density: number): void {
  const names = [d.unit.name, ...d.unit.self].sort((a, b) => b.length - a.length);
  const nameRe = new RegExp(names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
  for (const b of d.blocks) {
    if (b.role === 'date') continue;
    markMatches(b, nameRe, () => (rng.chance(density) ? { text: rng.pick(UNIT_PLACEHOLDERS), mark: { k: 'placeholder', kind: 'unit' } } : null));
    b.segs = b.segs.map((s) => {
      if (s.mark?.k !== 'figure' || !rng.chance(density)) return s;
      const filler = rng.pick(NUMBER_PLACEHOLDERS);
      return { text: filler + s.mark.unit, mark: { k: 'placeholder', kind: 'number', activity: s.mark.activity, unit: s.mark.unit } };
    });
  }
  const date = d.blocks.find((b) => b.role === 'date');
  if (date && rng.chance(0.7)) {
    date.segs = [{ text: rng.pick(['20XX年X月X日', 'XXXX年XX月XX日', `${d.period === 'annual' ? d.year + 1 : d.year}年X月X日`]), mark: { k: 'placeholder', kind: 'date' } }];
  }
  const pre = d.blocks.find((b) => b.role === 'preamble');
  if (pre && rng.chance(0.5)) {
    pre.segs.push({ text: '（联系人：' }, { text: 'XXX', mark: { k: 'placeholder', kind: 'person' } }, { text: '，联系电话：' }, { text: 'XXXXXXXX', mark: { k: 'placeholder', kind: 'phone' } }, { text: '）' });
  }
}

// ——— template-site leftovers ———

export function plantPaidMarkers(rng: Rng, d: Draft): void {
  const bodies = bodyBlocks(d);
  const start = bodies[Math.floor(bodies.length * rng.next() * 0.5)] ?? d.blocks[1]!;
  start.segs.unshift({ text: PAID_BEGIN, mark: { k: 'leftover', kind: 'paid-marker' } });
  d.blocks.push({ role: 'closing', section: 'other', segs: [{ text: PAID_END, mark: { k: 'leftover', kind: 'paid-marker' } }] });
}

export function plantSiteNotice(rng: Rng, d: Draft): void {
  const notice: Block = { role: 'closing', section: 'other', segs: [{ text: rng.pick(SITE_NOTICES), mark: { k: 'leftover', kind: 'site-notice' } }] };
  if (rng.chance(0.5)) d.blocks.push(notice);
  else d.blocks.splice(d.blocks[0]?.role === 'title' ? 1 : 0, 0, notice);
}

/** Hard line breaks inside words, as PDF extraction leaves them. */
export function plantLineBreaks(rng: Rng, d: Draft): void {
  const blocks = rng.sample(bodyBlocks(d), rng.int(1, 3));
  for (const b of blocks) {
    const i = b.segs.findIndex((s) => !s.mark && s.text.length > 40);
    if (i < 0) continue;
    const s = b.segs[i]!;
    // between two Chinese characters, away from punctuation, so the break falls inside a word
    const spots: number[] = [];
    for (let p = 10; p < s.text.length - 10; p++) if (/[\u4e00-\u9fff]/.test(s.text[p - 1]!) && /[\u4e00-\u9fff]/.test(s.text[p]!)) spots.push(p);
    if (spots.length === 0) continue;
    const p = rng.pick(spots);
    b.segs.splice(i, 1, { text: s.text.slice(0, p) }, { text: '\n', mark: { k: 'leftover', kind: 'line-break' } }, { text: s.text.slice(p) });
  }
}

// ——— implausible figures ———

const MEETING_ACTIVITIES = new Set(['集中学习', '专题会议', '主题党日', '专题党课', '研讨交流', '分析研判', '听取汇报', '专项检查']);

export function plantImplausible(rng: Rng, d: Draft): boolean {
  const figs: Segment[] = [];
  for (const b of d.blocks) for (const s of b.segs) if (s.mark?.k === 'figure') figs.push(s);
  const rates = figs.filter((s) => s.mark?.k === 'figure' && s.mark.unit === '%');
  const meetings = figs.filter((s) => s.mark?.k === 'figure' && MEETING_ACTIVITIES.has(s.mark.activity));
  const useRate = rates.length > 0 && (meetings.length === 0 || rng.chance(0.5));
  const seg = useRate ? rng.pick(rates) : meetings.length > 0 ? rng.pick(meetings) : null;
  if (!seg || seg.mark?.k !== 'figure') return false;
  if (useRate) {
    const v = rng.int(101, 125);
    seg.text = `${v}%`;
    seg.mark = { ...seg.mark, value: v, approx: false, implausible: '比率超过100%' };
  } else {
    const v = rng.int(10, 20) * 1000 + rng.int(0, 9) * 100;
    seg.text = `${v}${seg.mark.unit}`;
    seg.mark = { ...seg.mark, value: v, approx: false, implausible: '会议、学习次数达上万次' };
  }
  return true;
}

// ——— self-recycling ———

/** Last year's report re-submitted: years moved on, some figures changed, one paragraph replaced. */
export function recycle(rng: Rng, pred: Draft, own: Draft): { blocks: Block[]; title: string; changes: string[] } {
  const from = pred.year;
  const shift = (s: string) => s.replace(/(?:19|20)\d\d/g, (y) => (Number(y) === from || Number(y) === from + 1 ? String(Number(y) + own.year - from) : y));
  const blocks = pred.blocks.map(cloneBlock);
  let figures = 0;
  for (const b of blocks) {
    for (const s of b.segs) {
      s.text = shift(s.text);
      if (s.mark?.k === 'figure' && s.mark.value !== null && s.mark.unit !== '元' && rng.chance(0.4)) {
        const v = s.mark.unit === '%' ? Math.min(100, Math.max(90, Math.round(s.mark.value) + rng.int(-3, 3))) : Math.max(1, Math.round(s.mark.value * (0.8 + rng.next() * 0.5)));
        if (v !== s.mark.value) {
          s.text = `${v}${s.mark.unit}`;
          s.mark = { ...s.mark, value: v, approx: false };
          figures++;
        }
      }
    }
  }
  const changes = ['years', `figures:${figures}`];
  const theirs = blocks.filter((b) => b.role === 'body' && b.topic);
  const mine = own.blocks.filter((b) => b.role === 'body' && b.topic);
  const replace = theirs.length > 0 ? rng.pick(theirs) : null;
  const fresh = replace ? (mine.find((b) => b.topic === replace.topic && b.segs[0]?.mark?.k !== 'heading') ?? null) : null;
  if (replace && fresh && replace.segs[0]?.mark?.k !== 'heading') {
    blocks[blocks.indexOf(replace)] = cloneBlock(fresh);
    changes.push('paragraph-replaced');
  }
  return { blocks, title: shift(pred.title), changes };
}

// ——— copying from another unit ———

const SYNONYMS: Array<[string, string]> = [
  ['加强', '强化'],
  ['进一步', '持续'],
  ['切实', '扎实'],
  ['认真', '严格'],
  ['不断', '持续'],
  ['组织', '安排'],
  ['深入', '扎实'],
  ['积极', '主动'],
  ['及时', '第一时间'],
  ['完善', '健全'],
  ['提升', '提高'],
  ['推动', '推进'],
];

/** A passage in a source report: one body paragraph, or the whole run of problem statements. */
export function pickPassage(rng: Rng, source: Draft, kind: 'body' | 'problems'): Block[] | null {
  if (kind === 'problems') {
    const ps = source.blocks.filter((b) => b.role === 'problems');
    const len = ps.reduce((n, b) => n + blockText(b).length, 0);
    return ps.length > 0 && len >= 150 && len <= 1100 ? ps : null;
  }
  const bodies = source.blocks.filter((b) => b.role === 'body' && b.section === 'achievements' && b.segs[0]?.mark?.k !== 'heading' && blockText(b).length >= 150 && blockText(b).length <= 800);
  return bodies.length > 0 ? [rng.pick(bodies)] : null;
}

/** Lightly edits a copied passage in place; returns what was changed. */
export function editPassage(rng: Rng, blocks: Block[], from: Draft, to: Draft): string[] {
  const edits = new Set<string>();
  const pairs: Array<[string, string]> = [
    [from.unit.name, to.unit.name],
    [from.unit.body, to.unit.body],
    [from.unit.work, to.unit.work],
    [from.unit.domain, to.unit.domain],
    ...from.unit.self.map((s, i): [string, string] => [s, to.unit.self[i % to.unit.self.length]!]),
  ];
  const swaps = pairs.filter(([a, b]) => a !== b);
  for (const b of blocks) {
    for (const s of b.segs) {
      if (s.mark?.k === 'figure') {
        // counts and rates change; money keeps its 万元 form and is left alone
        if (s.mark.value !== null && s.mark.unit !== '元' && rng.chance(0.6)) {
          const v = s.mark.unit === '%' ? Math.min(100, Math.max(90, Math.round(s.mark.value) - rng.int(1, 4))) : Math.max(1, s.mark.value + rng.int(1, 5));
          s.text = `${v}${s.mark.unit}`;
          s.mark = { ...s.mark, value: v, approx: false };
          edits.add('figures');
        }
        continue;
      }
      for (const [a, b2] of swaps) {
        if (s.text.includes(a)) {
          s.text = s.text.split(a).join(b2);
          edits.add('unit-name');
        }
      }
    }
  }
  // a word or two replaced
  const plain = blocks.flatMap((b) => b.segs.filter((s) => !s.mark || s.mark.k === 'problem'));
  let words = rng.int(1, 3);
  for (const [a, b] of rng.shuffle(SYNONYMS)) {
    if (words === 0) break;
    const seg = plain.find((s) => s.text.includes(a));
    if (seg) {
      seg.text = seg.text.replace(a, b);
      edits.add('wording');
      words--;
    }
  }
  // a sentence dropped from a long plain stretch
  const long = plain.filter((s) => !s.mark && (s.text.match(/。/g) ?? []).length >= 3);
  if (long.length > 0 && rng.chance(0.6)) {
    const s = rng.pick(long);
    const sentences = s.text.match(/[^。]*。/g) ?? [];
    const drop = sentences[rng.int(1, sentences.length - 1)];
    if (drop && sentences.length >= 3) {
      s.text = s.text.replace(drop, '');
      edits.add('sentence-dropped');
    }
  }
  return [...edits];
}

// ——— taking text from the template library ———

/** A template's text filled in: with the unit's own names in a report, with the blanks in the library. */
export function fillTemplate(paragraph: string, names: { U: string; S: string; B: string; G: string }): string {
  return paragraph.replace(/\{([USBG])\}/g, (_, k: 'U' | 'S' | 'B' | 'G') => names[k]);
}

/** The text of a template as the library holds it: its title, then its paragraphs with the blanks left. */
export function templateText(t: TemplateBank): string {
  return `${t.title}\n${t.paragraphs.map((p) => fillTemplate(p, TEMPLATE_BLANKS)).join('\n')}\n`;
}

/** Paragraphs of a template as a unit pastes them into its report: its names filled in, when `edited` a word or two replaced. */
export function templateBlocks(rng: Rng, unit: Unit, paragraphs: string[], edited: boolean): { blocks: Block[]; edits: string[] } {
  const names = { U: unit.name, S: unit.self[0]!, B: unit.body, G: unit.staff[0]! };
  const texts = paragraphs.map((p) => fillTemplate(p, names));
  const edits: string[] = [];
  if (edited) {
    let words = rng.int(1, 2);
    for (const [a, b] of rng.shuffle(SYNONYMS)) {
      if (words === 0) break;
      const i = texts.findIndex((t) => t.includes(a));
      if (i < 0) continue;
      texts[i] = texts[i]!.replace(a, b);
      edits.push('wording');
      words--;
    }
  }
  return { blocks: texts.map((text) => ({ role: 'body', section: 'achievements', segs: [{ text }] })), edits };
}

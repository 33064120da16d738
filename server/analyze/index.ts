// The analysis engine: one report's text in, its structure and facts out (sections, problem statements,
// figures, placeholders, masks, flags, metadata), every finding a span into exactly the text given. Pure.
// The analyses read a prepared form of the text (simplified script, ASCII digits, no pinyin glosses; see
// normalize.ts) and skip what template-site leftovers put around the report; every span is mapped back.
import type { Analysis, Span } from '../../shared/types.js';
import { splitLines, splitSentences } from './text.js';
import { findSections } from './sections.js';
import { findProblems } from './problems.js';
import { findFigures } from './figures.js';
import { findMasks, findPlaceholders, placeholderDensity } from './placeholders.js';
import { findFlags } from './flags.js';
import { findLeftovers } from './leftovers.js';
import { prepareText, storedFigureSpan, storedSpan } from './normalize.js';
import { findMeta, type MetaHints } from './meta.js';

export type AnalyzeHints = MetaHints;

export function analyzeReport(stored: string, hints: AnalyzeHints = {}): Analysis {
  const p = prepareText(stored);
  const text = p.text;
  const leftovers = findLeftovers(p);
  const toText = (s: Span): Span => ({ start: p.toText(s.start), end: p.toText(s.end) });
  const notReport = leftovers.spans.map(toText);

  const lines = splitLines(text);
  const sentences = splitSentences(text);
  const { sections, title } = findSections(text, lines, notReport);
  // Metadata reads the stored text as submitted (its own module folds the script where it must), so its
  // evidence spans are stored offsets already. The title is the first line of the report's own text, not a
  // site's breadcrumb or page title before it.
  const storedLines = text === stored ? lines : splitLines(stored);
  const titleAt = title ? p.toStored(title.start) : -1;
  // The leftovers' spans are offsets into the simplified text, which are the stored text's.
  const { meta, evidence } = findMeta(stored, storedLines.find((l) => l.start === titleAt) ?? null, storedLines, hints, leftovers.spans);
  const problems = findProblems(text, lines, sections);
  const masks = findMasks(text);
  // A masked word is no number (区____宣传部、____部 is not a blank count of 部); a plan's numbers (下一步…
  // 每月开展1次, 全年不少于12次) are targets, not work reported done.
  const plans = sections.filter((s) => s.kind === 'plans');
  const figures = findFigures(text, sentences, [...notReport, ...masks, ...plans].sort((a, b) => a.start - b.start));
  // Blanks in a site's page furniture or its editor's lead-in (下面是小编整理的20xx年…) are not the report's.
  const placeholders = findPlaceholders(text, masks, notReport);
  const density = placeholderDensity(placeholders.length, text);
  const flags = findFlags({
    text,
    lines,
    sentences,
    sections,
    problems,
    figures,
    placeholders,
    density,
    year: meta.year,
    unit: hints.unit ?? meta.unit,
    incomplete: leftovers.incomplete,
  });
  if (text === stored) {
    return { meta, metaEvidence: evidence, sections, problems, figures, placeholders, placeholderDensity: density, masks, flags: mergeFlags(flags, leftovers.flags) };
  }
  // Back to the stored text: spans mapped, quoted text taken from it.
  const slice = (s: Span): string => stored.slice(s.start, s.end);
  return {
    meta,
    metaEvidence: evidence,
    sections: sections.map((s) => {
      const mapped = storedSpan(p, s);
      const heading = storedSpan(p, { start: s.headingEnd - s.heading.length, end: s.headingEnd });
      return { ...mapped, heading: slice(heading), headingEnd: s.headingEnd > s.start ? heading.end : mapped.start };
    }),
    problems: problems.map((x) => {
      const m = storedSpan(p, x);
      return { ...m, text: slice(m) };
    }),
    figures: figures.map((f) => ({ ...storedFigureSpan(p, f), sentence: storedSpan(p, f.sentence) })),
    placeholders: placeholders.map((x) => {
      const m = storedSpan(p, x);
      return { ...m, text: slice(m) };
    }),
    placeholderDensity: density,
    masks: masks.map((x) => {
      const m = storedSpan(p, x);
      return { ...m, text: slice(m) };
    }),
    flags: mergeFlags(
      flags.map((f) => (f.start === null || f.end === null ? f : { ...f, ...storedSpan(p, { start: f.start, end: f.end }) })),
      leftovers.flags,
    ),
  };
}

/** The analysis flags and the leftover flags (already in stored offsets), in text order, whole-text flags first. */
function mergeFlags<T extends { start: number | null }>(a: readonly T[], b: readonly T[]): T[] {
  return [...a, ...b].sort((x, y) => (x.start ?? -1) - (y.start ?? -1));
}

// The analysis engine: one report's text in, its structure and facts out (sections, problem statements,
// figures, placeholders, flags, metadata), every finding a span into exactly the text given. Pure.
import type { Analysis } from '../../shared/types.js';
import { splitLines, splitSentences } from './text.js';
import { findSections } from './sections.js';
import { findProblems } from './problems.js';
import { findFigures } from './figures.js';
import { findPlaceholders, placeholderDensity } from './placeholders.js';
import { findFlags } from './flags.js';
import { findMeta, type MetaHints } from './meta.js';

export type AnalyzeHints = MetaHints;

export function analyzeReport(text: string, hints: AnalyzeHints = {}): Analysis {
  const lines = splitLines(text);
  const sentences = splitSentences(text);
  const { sections, title } = findSections(text, lines);
  const { meta, evidence } = findMeta(text, title, lines, hints);
  const problems = findProblems(text, lines, sections);
  const figures = findFigures(text, sentences);
  const placeholders = findPlaceholders(text);
  const density = placeholderDensity(placeholders.length, text);
  const flags = findFlags({ text, lines, sentences, sections, problems, figures, placeholders, density, year: meta.year, unit: hints.unit ?? meta.unit });
  return { meta, sections, problems, figures, placeholders, placeholderDensity: density, flags, metaEvidence: evidence };
}

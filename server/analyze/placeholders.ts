// Placeholders left from a template (XX, xxx, **, 某局, 20XX年, X月X日, ［单位名称］, ____), each with its kind,
// and their density: many placeholders mean a template submitted without being filled in.
import type { Placeholder } from '../../shared/types.js';
import { vocab } from './vocab.js';

const PATTERNS = vocab.placeholders.patterns.map((p) => ({ kind: p.kind, re: new RegExp(p.pattern, 'gu') }));

export function findPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      // Earlier, more specific patterns win (20XX年 is a year, not an XX).
      if (found.some((p) => p.start < end && start < p.end)) continue;
      found.push({ text: m[0], kind, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Non-whitespace characters: the measure of a report's length for densities. */
export function contentChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x3000 || c === 0xa0)) n++;
  }
  return n;
}

/** Placeholders per 1,000 non-whitespace characters. */
export function placeholderDensity(count: number, text: string): number {
  const chars = contentChars(text);
  return chars === 0 ? 0 : Math.round(((count * 1000) / chars) * 100) / 100;
}

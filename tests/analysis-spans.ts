// Checks shared by the analysis tests: every span of an analysis lies inside its text, and text.slice gives
// back exactly what the analysis says is there.
import { expect } from 'vitest';
import type { Analysis } from '../shared/types.js';

/** Every span of an analysis lies inside the text, and text.slice gives what it claims. */
export function expectSpansValid(text: string, a: Analysis): void {
  const within = (s: { start: number; end: number }): void => {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.start).toBeLessThanOrEqual(s.end);
  };
  for (const s of a.sections) {
    within(s);
    expect(s.headingEnd).toBeGreaterThanOrEqual(s.start);
    expect(s.headingEnd).toBeLessThanOrEqual(s.end);
    if (s.heading !== '') expect(text.slice(s.headingEnd - s.heading.length, s.headingEnd)).toBe(s.heading);
  }
  for (const p of a.problems) {
    within(p);
    expect(text.slice(p.start, p.end)).toBe(p.text);
  }
  for (const f of a.figures) {
    within(f);
    within(f.sentence);
    expect(f.sentence.start).toBeLessThanOrEqual(f.start);
    expect(f.sentence.end).toBeGreaterThanOrEqual(f.end);
  }
  for (const p of a.placeholders) {
    within(p);
    expect(text.slice(p.start, p.end)).toBe(p.text);
  }
  for (const f of a.flags) if (f.start !== null && f.end !== null) within({ start: f.start, end: f.end });
}

// A report is built as blocks (lines) of segments; planted and annotated pieces are segments with a mark,
// so their offsets in the final text are known exactly however the report is edited before it is joined.
import type { SectionKind } from '../../shared/types.js';

export type Mark =
  | { k: 'heading'; kind: SectionKind; level: 1 | 2 | 3 }
  | { k: 'problem'; theme: string }
  | { k: 'figure'; activity: string; value: number | null; unit: string; approx: boolean; implausible?: string }
  | { k: 'placeholder'; kind: string; activity?: string; unit?: string }
  | { k: 'leftover'; kind: LeftoverKind }
  | { k: 'stale'; rule: string }
  | { k: 'foreign'; name: string };

export type LeftoverKind = 'paid-marker' | 'site-notice' | 'line-break';

export interface Segment {
  text: string;
  mark?: Mark;
}

/** What a block is, so plantings can find a paragraph of the right sort. */
export type BlockRole = 'title' | 'preamble' | 'heading' | 'body' | 'problems' | 'plan' | 'closing' | 'signature' | 'date';

export interface Block {
  role: BlockRole;
  /** The section kind the block belongs to. */
  section: SectionKind;
  /** The achievements topic of a body paragraph (responsibility, study …). */
  topic?: string;
  segs: Segment[];
}

export function blockText(b: Block): string {
  return b.segs.map((s) => s.text).join('');
}

export function cloneBlock(b: Block): Block {
  return { role: b.role, section: b.section, ...(b.topic ? { topic: b.topic } : {}), segs: b.segs.map((s) => ({ text: s.text, ...(s.mark ? { mark: { ...s.mark } } : {}) })) };
}

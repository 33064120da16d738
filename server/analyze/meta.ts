// Report metadata from the text (title line, opening sentence) when the submitter did not give it.
import type { ReportMeta } from '../../shared/types.js';
import { mergeMeta, metaFromFileName, periodFrom, unitFromFileName, yearFrom } from '../../shared/meta.js';
import type { Line } from './text.js';

export interface MetaHints {
  fileName?: string;
  unit?: string | null;
  year?: number | null;
}

export function findMeta(title: Line | null, lines: readonly Line[], hints: MetaHints): ReportMeta {
  const titleText = title?.text ?? null;
  // The opening sentence names the period when there is no title (2022年上半年，局党组…).
  const opening = (lines[title ? 1 : 0]?.text ?? '').split(/[。！？]/)[0] ?? '';
  const openingPeriod = periodFrom(opening);
  const fromText: Partial<ReportMeta> = {
    title: titleText,
    unit: titleText !== null && yearFrom(titleText) !== null ? unitFromFileName(titleText) : null,
    year: (titleText !== null ? yearFrom(titleText) : null) ?? yearFrom(opening.slice(0, 40)),
    period: (titleText !== null ? periodFrom(titleText) : null) ?? (openingPeriod !== 'annual' ? openingPeriod : null),
  };
  return mergeMeta({ unit: hints.unit ?? null, year: hints.year ?? null }, fromText, hints.fileName ? metaFromFileName(hints.fileName) : {});
}

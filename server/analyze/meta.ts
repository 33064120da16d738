// Report metadata from the text (title line, opening sentence) when the submitter did not give it.
import type { Period, ReportMeta } from '../../shared/types.js';
import { mergeMeta, metaFromFileName, periodFrom, unitFromFileName, yearFrom } from '../../shared/meta.js';
import type { Line } from './text.js';

export interface MetaHints {
  fileName?: string;
  unit?: string | null;
  year?: number | null;
}

/** 2023度意识形态…报告 (年 dropped) is an annual report too. */
function titlePeriod(title: string): Period | null {
  return periodFrom(title) ?? (/(?:19|20)\d{2}\s*年?度/.test(title) ? 'annual' : null);
}

/** A report that speaks of its own year's 上半年 (2022年上半年全局开展…) and never of the whole year covers H1. */
function halfYearFromBody(lines: readonly Line[], year: number | null): Period | null {
  if (year === null) return null;
  const text = lines.map((l) => l.text).join('\n');
  const h1 = new RegExp(`${year}年?上半年`).test(text);
  const h2 = new RegExp(`${year}年?下半年`).test(text);
  if (h1 === h2 || new RegExp(`${year}年(?:度|全年)|全年`).test(text)) return null;
  return h1 ? 'H1' : 'H2';
}

export function findMeta(title: Line | null, lines: readonly Line[], hints: MetaHints): ReportMeta {
  const titleText = title?.text ?? null;
  // The opening sentence names the period when there is no title (2022年上半年，局党组…).
  const opening = (lines[title ? 1 : 0]?.text ?? '').split(/[。！？]/)[0] ?? '';
  const openingPeriod = periodFrom(opening);
  const year = hints.year ?? (titleText !== null ? yearFrom(titleText) : null) ?? yearFrom(opening.slice(0, 40));
  const fromText: Partial<ReportMeta> = {
    title: titleText,
    unit: titleText !== null && yearFrom(titleText) !== null ? unitFromFileName(titleText) : null,
    year: (titleText !== null ? yearFrom(titleText) : null) ?? yearFrom(opening.slice(0, 40)),
    period: (titleText !== null ? titlePeriod(titleText) : null) ?? (openingPeriod !== 'annual' ? openingPeriod : null) ?? halfYearFromBody(lines, year),
  };
  return mergeMeta({ unit: hints.unit ?? null, year: hints.year ?? null }, fromText, hints.fileName ? metaFromFileName(hints.fileName) : {});
}

// Reporting periods in time: the month a report's period ends (annual and H2 → December, H1 → June,
// Qn → month 3n; a report with a year but no period counts as annual). Recurrences are consecutive
// reporting dates; of two units sharing a passage, the report of the earlier date is the original.
import { PERIOD_LABELS, type Period } from './types.js';

const END_MONTH: Record<string, number> = { annual: 12, H1: 6, H2: 12, Q1: 3, Q2: 6, Q3: 9, Q4: 12 };

/** Months since year 0 at the end of the report's period; null without a year. */
export function reportingDate(year: number | null, period: string | null): number | null {
  if (year === null) return null;
  return year * 12 + (END_MONTH[period ?? 'annual'] ?? 12);
}

/** 2022上半年, 2023全年 (a chart's axis, where room is short); 年度不详 without a year. */
export function yearPeriodLabel(year: number | null, period: Period | null): string {
  return `${year ?? '年度不详'}${period ? PERIOD_LABELS[period] : ''}`;
}

/** How a source report is named in a sentence or a table: 市民政局 2022年上半年, as the rest of the dashboard writes it. */
export function sourceLabel(s: { unit: string; year: number | null; period: Period | null }): string {
  return `${s.unit} ${s.year ? `${s.year}年` : '年度不详'}${s.period ? PERIOD_LABELS[s.period] : ''}`;
}

/**
 * Sources grouped by unit, each unit once: its earliest report holding the passage (where the text
 * first stood) and how many of its reports hold it; units in the order of their earliest report.
 */
export function sourcesByUnit<S extends { unit: string; year: number | null; period: Period | null }>(sources: S[]): Array<{ unit: string; first: S; reports: number }> {
  const date = (s: S) => reportingDate(s.year, s.period) ?? Number.MAX_SAFE_INTEGER;
  const byUnit = new Map<string, { unit: string; first: S; reports: number }>();
  for (const s of [...sources].sort((a, b) => date(a) - date(b))) {
    const seen = byUnit.get(s.unit);
    if (seen) seen.reports++;
    else byUnit.set(s.unit, { unit: s.unit, first: s, reports: 1 });
  }
  return [...byUnit.values()];
}

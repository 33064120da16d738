// The tables the dashboard exports (server/export/tables.ts defines each; the client links to them).
export const EXPORT_TABLE_NAMES = ['units', 'reports', 'figures', 'themes', 'flags', 'recurrences', 'passages', 'templates'] as const;
export type ExportTableName = (typeof EXPORT_TABLE_NAMES)[number];

/** What a view shows beyond the shared filters, so that its export holds the same rows (query string). */
export interface ExportOptions {
  /** Recurrences: the shortest run shown (the view's 连续 N 期以上). */
  minPeriods?: number;
}

/** The briefing's sections, in order; a reviewer chooses which to include (all by default). */
export const BRIEFING_SECTIONS = ['scope', 'overview', 'activity', 'attention', 'reuse', 'themes', 'units'] as const;
export type BriefingSection = (typeof BRIEFING_SECTIONS)[number];
export const BRIEFING_SECTION_LABELS: Record<BriefingSection, string> = {
  scope: '研判范围',
  overview: '总体情况',
  activity: '工作开展情况',
  attention: '需要关注的单位',
  reuse: '材料雷同情况',
  themes: '反复出现的问题',
  units: '附表：各单位报告情况一览',
};

/** Sections from a comma-separated list (query string, --sections); null when one is unknown. */
export function parseBriefingSections(list: string): BriefingSection[] | null {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0 || !names.every((n) => (BRIEFING_SECTIONS as readonly string[]).includes(n))) return null;
  return BRIEFING_SECTIONS.filter((s) => names.includes(s));
}

/** Where the briefing's links lead: a report, at the passage a finding rests on (highlighted on arrival). */
export function evidencePath(e: { reportId: number; start: number | null; end: number | null }): string {
  return `/reports/${e.reportId}${e.start !== null && e.end !== null && e.end > e.start ? `?from=${e.start}&to=${e.end}` : ''}`;
}

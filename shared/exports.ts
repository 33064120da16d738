// The tables the dashboard exports (server/export/tables.ts defines each; the client links to them).
export const EXPORT_TABLE_NAMES = ['units', 'reports', 'figures', 'themes', 'flags', 'recurrences', 'passages', 'templates'] as const;
export type ExportTableName = (typeof EXPORT_TABLE_NAMES)[number];

/** What a view shows beyond the shared filters, so that its export holds the same rows (query string). */
export interface ExportOptions {
  /** Recurrences: the shortest run shown (the view's 连续 N 期以上). */
  minPeriods?: number;
}

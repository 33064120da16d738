// The tables the dashboard exports (server/export/tables.ts defines each; the client links to them).
export const EXPORT_TABLE_NAMES = ['units', 'reports', 'figures', 'themes', 'flags', 'recurrences', 'passages'] as const;
export type ExportTableName = (typeof EXPORT_TABLE_NAMES)[number];

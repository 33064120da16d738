// What the template library's import (CLI and upload) answers: per file, then in sum.
import type { TemplateKind } from './types.js';

export type TemplateImportResult =
  | { file: string; status: 'stored'; templateId: number; title: string; kind: TemplateKind; reports: number }
  | { file: string; status: 'duplicate'; templateId: number; title: string }
  | { file: string; status: 'failed'; error: string };

/** `yanpan templates import` prints this (../shared/CONTRACT.md); the upload answers it with the results. */
export interface TemplateImportSummary {
  templates: number;
  duplicates: number;
  failed: Array<{ file: string; error: string }>;
}

/** What POST /api/templates answers: the summary and each file's outcome. */
export type TemplateUploadAnswer = TemplateImportSummary & { results: TemplateImportResult[] };

/** A template's source address is shown as a link: only web addresses are accepted. */
export function isWebAddress(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

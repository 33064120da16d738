// Downloads: tables as .xlsx/.csv and the Word briefing. Plain GETs (a browser download), checked on the
// server like the tRPC procedures: tables for every role (a submitter's pinned to its own unit), the
// briefing for reviewers and administrators; every export is written to the audit log.
import express from 'express';
import { type BriefingSection, type ExportOptions, parseBriefingSections } from '../../shared/exports.js';
import type { Filters } from '../../shared/filters.js';
import { PERIODS, type Period } from '../../shared/types.js';
import { READERS, scopeFilters } from '../api/trpc.js';
import { audit } from '../auth/audit.js';
import { requireUser } from '../auth/http.js';
import type { Db } from '../db/connection.js';
import { buildBriefing } from './briefing.js';
import { briefingFileName, describeFilters, exportFileName, localTime } from './scope.js';
import { tableToCsv, tableToXlsx } from './spreadsheet.js';
import { EXPORT_TABLES } from './tables.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

class BadFilters extends Error {}

/** A view's own settings from a query string (see ExportOptions); malformed ones are refused. */
function optionsFromQuery(q: Record<string, unknown>): ExportOptions {
  const v = q.minPeriods;
  if (v === undefined || v === '') return {};
  if (typeof v !== 'string' || !/^\d{1,2}$/.test(v) || Number(v) < 2) throw new BadFilters('minPeriods');
  return { minPeriods: Number(v) };
}

/** The briefing's sections from a query string (sections=scope,attention); undefined: all. */
function sectionsFromQuery(q: Record<string, unknown>): BriefingSection[] | undefined {
  const v = q.sections;
  if (v === undefined || v === '') return undefined;
  const parsed = typeof v === 'string' && v.length <= 200 ? parseBriefingSections(v) : null;
  if (!parsed) throw new BadFilters('sections');
  return parsed;
}

/** The shared filters from a query string; anything malformed is refused rather than ignored. */
export function filtersFromQuery(q: Record<string, unknown>): Filters {
  const one = (k: string): string | undefined => {
    const v = q[k];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string' || v.length > 200) throw new BadFilters(k);
    return v;
  };
  const f: Filters = {};
  const department = one('department');
  const unit = one('unit');
  const year = one('year');
  const period = one('period');
  if (department) f.department = department;
  if (unit) f.unit = unit;
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new BadFilters('year');
    f.year = Number(year);
  }
  if (period !== undefined) {
    if (!PERIODS.includes(period as Period)) throw new BadFilters('period');
    f.period = period as Period;
  }
  return f;
}

export function exportRoutes(db: Db): express.Router {
  const r = express.Router();
  r.get('/api/export/table/:file', async (req, res, next) => {
    try {
      const user = requireUser(res);
      if (!user) return;
      const m = /^([a-z]+)\.(xlsx|csv)$/.exec(req.params.file);
      const table = m ? EXPORT_TABLES.get(m[1]!) : undefined;
      if (!m || !table) {
        res.status(404).json({ error: '没有这张表' });
        return;
      }
      const ext = m[2] as 'xlsx' | 'csv';
      const filters = scopeFilters(user, filtersFromQuery(req.query));
      const data = await table.load(db, filters, optionsFromQuery(req.query), user);
      const body = ext === 'xlsx' ? await tableToXlsx(data, describeFilters(filters), localTime(new Date())) : tableToCsv(data);
      await audit(db, user, 'export', `${table.name}.${ext}`, { filters, rows: data.rows.length });
      res.type(ext === 'xlsx' ? XLSX : 'text/csv; charset=utf-8').attachment(exportFileName(table.title, filters, ext)).send(body);
    } catch (e) {
      if (e instanceof BadFilters) res.status(400).json({ error: '筛选条件无效' });
      else next(e);
    }
  });
  r.get('/api/export/briefing.docx', async (req, res, next) => {
    try {
      const user = requireUser(res, READERS);
      if (!user) return;
      const filters = filtersFromQuery(req.query);
      const sections = sectionsFromQuery(req.query);
      const now = new Date();
      // Links in the briefing lead to the dashboard as its readers reach it: the configured address, else this request's.
      const publicUrl = process.env.YANPAN_PUBLIC_URL?.trim() || `${req.protocol}://${req.get('host')}`;
      const body = await buildBriefing(db, filters, { now, publicUrl, ...(sections ? { sections } : {}) });
      await audit(db, user, 'export', 'briefing.docx', { filters, ...(sections ? { sections } : {}) });
      res.type(DOCX).attachment(briefingFileName(filters, now)).send(body);
    } catch (e) {
      if (e instanceof BadFilters) res.status(400).json({ error: '筛选条件无效' });
      else next(e);
    }
  });
  return r;
}

// The tables a reviewer can take out of the dashboard (as .xlsx or .csv): each one a query of
// server/queries and its columns, with Chinese headers and the kind of number each column holds.
import type { ExportOptions, ExportTableName } from '../../shared/exports.js';
import type { Filters } from '../../shared/filters.js';
import type { SessionUser } from '../../shared/roles.js';
import { passagesForViewer } from '../api/visibility.js';
import { sourceLabel, sourcesByUnit } from '../../shared/periods.js';
import { REUSE_KIND_LABELS, SHARE_KINDS, SHARE_LABELS, TEMPLATE_KIND_LABELS } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { listFigures } from '../queries/figures.js';
import { listFlags } from '../queries/flags.js';
import { listReports } from '../queries/reports.js';
import { getTopCopiedPassages } from '../queries/reuse.js';
import { getTemplateUses } from '../queries/templates.js';
import { getRecurrences, getThemes } from '../queries/themes.js';
import { getUnitComparison } from '../queries/units.js';
import { localTime, periodLabel } from './scope.js';

/** int: thousands separators; percent: a 0..1 share shown as 12.3%; number: as it is. */
export type ColumnFormat = 'text' | 'int' | 'number' | 'percent';

export interface ExportColumn {
  header: string;
  format: ColumnFormat;
}

export type Cell = string | number | null;

export interface TableData {
  name: ExportTableName;
  title: string;
  columns: ExportColumn[];
  rows: Cell[][];
}

export interface ExportTable {
  name: ExportTableName;
  title: string;
  /** `viewer`: who asked (a submitter sees other units' reports as 另一单位); null for the command line. */
  load(db: Db, f: Filters, opts?: ExportOptions, viewer?: SessionUser | null): Promise<TableData>;
}

interface Column<R> extends ExportColumn {
  value: (row: R) => Cell;
}

function defineTable<R>(
  name: ExportTableName,
  title: string,
  rows: (db: Db, f: Filters, opts: ExportOptions, viewer: SessionUser | null) => Promise<R[]>,
  columns: Column<R>[],
): ExportTable {
  return {
    name,
    title,
    async load(db, f, opts = {}, viewer = null) {
      const data = await rows(db, f, opts, viewer);
      return {
        name,
        title,
        columns: columns.map(({ header, format }) => ({ header, format })),
        rows: data.map((r) => columns.map((c) => c.value(r))),
      };
    },
  };
}

const text = <R>(header: string, value: (r: R) => string | null | undefined): Column<R> => ({ header, format: 'text', value: (r) => value(r) ?? '' });
const int = <R>(header: string, value: (r: R) => number | null): Column<R> => ({ header, format: 'int', value });
const percent = <R>(header: string, value: (r: R) => number): Column<R> => ({ header, format: 'percent', value });

/** Rows fetched a page at a time, so that a long list never sits in memory twice. */
async function allPages<R>(page: (page: number, pageSize: number) => Promise<{ total: number; rows: R[] }>): Promise<R[]> {
  const out: R[] = [];
  for (let n = 1; ; n++) {
    const { total, rows } = await page(n, 2000);
    out.push(...rows);
    if (rows.length === 0 || out.length >= total) return out;
  }
}

type UnitRow = Awaited<ReturnType<typeof getUnitComparison>>[number];
type ReportRow = Awaited<ReturnType<typeof listReports>>['rows'][number];
type FigureRow = Awaited<ReturnType<typeof listFigures>>['rows'][number];
type ThemeRow = Awaited<ReturnType<typeof getThemes>>['themes'][number];
type FlagRow = Awaited<ReturnType<typeof listFlags>>[number];
type PassageRow = Awaited<ReturnType<typeof getTopCopiedPassages>>[number];
type TemplateUseRow = Awaited<ReturnType<typeof getTemplateUses>>[number];

/** Passages taken from other units in one export: the longest first. */
const PASSAGE_LIMIT = 2000;
interface RecurrenceRow {
  unit: string;
  department: string | null;
  label: string;
  periods: number;
  reports: string;
  statements: string;
}

const TABLES: ExportTable[] = [
  defineTable<UnitRow>('units', '单位对比', getUnitComparison, [
    text('单位', (r) => r.unit),
    text('部门', (r) => r.department ?? '未分组'),
    int('报告数', (r) => r.reports),
    int('平均字数', (r) => r.avgChars),
    // Stock first, as the unit table has always begun; then what was taken, in the order a committee reads it.
    ...(['stock', ...SHARE_KINDS.filter((k) => k !== 'stock')] as const).map((k) => percent<UnitRow>(`${SHARE_LABELS[k]}率`, (r) => r.rates[k])),
    percent('雷同合计', (r) => r.rates.reuse),
    int('占位符', (r) => r.placeholders),
    int('提示', (r) => r.flags),
    int('填报数字', (r) => r.figures),
    int('问题条数', (r) => r.problems),
    int('问题主题数', (r) => r.themes),
    int('最近年度', (r) => r.lastYear),
  ]),
  defineTable<ReportRow>('reports', '报告列表', (db, f) => allPages((page, pageSize) => listReports(db, { ...f, page, pageSize, sort: 'unit', order: 'asc' })), [
    int('编号', (r) => r.id),
    text('单位', (r) => r.unit),
    text('部门', (r) => r.department ?? '未分组'),
    int('年度', (r) => r.year),
    text('期别', (r) => periodLabel(r.period)),
    text('标题', (r) => r.title),
    text('文件名', (r) => r.fileName),
    int('字数', (r) => r.chars),
    int('提示', (r) => r.flags),
    text('入库时间', (r) => localTime(r.ingestedAt)),
  ]),
  defineTable<FigureRow>('figures', '填报数字及原句', (db, f) => allPages((page, pageSize) => listFigures(db, { ...f, page, pageSize })), [
    text('单位', (r) => r.unit),
    text('部门', (r) => r.department ?? '未分组'),
    int('年度', (r) => r.year),
    text('期别', (r) => periodLabel(r.period)),
    text('活动', (r) => r.activity),
    text('类别', (r) => r.category ?? '未归类'),
    { header: '数值', format: 'number', value: (r) => r.value },
    text('量词', (r) => r.measure),
    text('约数', (r) => (r.approx ? '是' : '')),
    text('数字缺失', (r) => (r.placeholder ? '是' : '')),
    text('原句', (r) => r.sentence.replace(/\s+/g, ' ')),
    int('报告编号', (r) => r.reportId),
  ]),
  defineTable<ThemeRow>('themes', '问题主题', async (db, f) => (await getThemes(db, f)).themes, [
    text('主题', (r) => r.label),
    text('关键词', (r) => r.terms.join('、')),
    text('来源', (r) => (r.origin === 'seed' ? '预设' : '自动发现')),
    int('问题条数', (r) => r.statements),
    int('报告数', (r) => r.reports),
    int('单位数', (r) => r.units),
  ]),
  defineTable<FlagRow>('flags', '提示标记', listFlags, [
    text('单位', (r) => r.unit),
    text('部门', (r) => r.department ?? '未分组'),
    int('年度', (r) => r.year),
    text('期别', (r) => periodLabel(r.period)),
    text('报告标题', (r) => r.title),
    text('提示类型', (r) => r.label),
    text('说明', (r) => r.message),
    text('原文', (r) => r.excerpt),
    int('报告编号', (r) => r.reportId),
  ]),
  defineTable<RecurrenceRow>(
    'recurrences',
    '连续多期重复出现的问题',
    async (db, f, opts) =>
      (await getRecurrences(db, f, { minPeriods: opts.minPeriods })).units.flatMap((u) =>
        u.runs.map((run) => ({
          unit: u.unit,
          department: u.department,
          label: run.label,
          periods: run.periods,
          reports: run.entries.map((e) => `${e.year}年${periodLabel(e.period)}`).join('、'),
          statements: run.entries.map((e) => e.statements.map((s) => s.text).join(' ')).join(' ｜ '),
        })),
      ),
    [
      text('单位', (r) => r.unit),
      text('部门', (r) => r.department ?? '未分组'),
      text('问题主题', (r) => r.label),
      int('连续期数', (r) => r.periods),
      text('涉及报告', (r) => r.reports),
      text('问题表述', (r) => r.statements),
    ],
  ),
  defineTable<PassageRow>('passages', '雷同段落', async (db, f, _opts, viewer) => passagesForViewer(viewer, await getTopCopiedPassages(db, f, PASSAGE_LIMIT)), [
    text('单位', (r) => r.unit),
    int('年度', (r) => r.year),
    text('期别', (r) => periodLabel(r.period)),
    text('类型', (r) => REUSE_KIND_LABELS[r.kind]),
    text('段落', (r) => r.text.replace(/\s+/g, ' ')),
    int('字数', (r) => r.end - r.start),
    int('来源单位数', (r) => sourcesByUnit(r.sources).length),
    text('来源报告', (r) => sourcesByUnit(r.sources).map((g) => `${sourceLabel(g.first)}${g.reports > 1 ? ` 等 ${g.reports} 份` : ''}`).join('、')),
    int('报告编号', (r) => r.reportId),
  ]),
  defineTable<TemplateUseRow>('templates', '范文库使用情况', (db, f) => getTemplateUses(db, f, undefined, PASSAGE_LIMIT), [
    text('范文库文本', (r) => r.title),
    text('类型', (r) => TEMPLATE_KIND_LABELS[r.kind]),
    text('来源网址', (r) => r.sourceUrl),
    text('单位', (r) => r.unit),
    text('部门', (r) => r.department ?? '未分组'),
    int('年度', (r) => r.year),
    text('期别', (r) => periodLabel(r.period)),
    int('取用字数', (r) => r.chars),
    percent('占报告比例', (r) => r.share),
    int('报告编号', (r) => r.id),
  ]),
];

export const EXPORT_TABLES: ReadonlyMap<string, ExportTable> = new Map(TABLES.map((t) => [t.name, t]));

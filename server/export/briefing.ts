// The Word briefing (简报) for a scope of reports: what the dashboard found, laid out the way committee
// staff hand it to their leaders. Charts are the dashboard's own options rendered on the server.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { EChartsOption } from 'echarts';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { activityByYearChart } from '../../shared/charts/activity.js';
import { reportsByDepartmentYearChart } from '../../shared/charts/reportsByDepartmentYear.js';
import { reuseByDepartmentChart } from '../../shared/charts/reuse.js';
import { mainThemes, themeTrendChart } from '../../shared/charts/themes.js';
import type { Filters } from '../../shared/filters.js';
import { sourcesByUnit } from '../../shared/periods.js';
import { TEMPLATE_KIND_LABELS } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { activityCategories, getActivityByCategory } from '../queries/activity.js';
import { getUnitsNeedingAttention } from '../queries/flags.js';
import { getHeadlines, getMissingSubmissions, getReportsByDepartmentYear } from '../queries/overview.js';
import { getReuseByDepartmentYear, getTopCopiedPassages } from '../queries/reuse.js';
import { listTemplates } from '../queries/templates.js';
import { getRecurrences, getThemes, getThemeTrends, type UnitRecurrences } from '../queries/themes.js';
import { getUnitComparison } from '../queries/units.js';
import { chartToPng, type ChartSize, pngSize } from './charts.js';
import { chineseDate, describeFilters, periodLabel } from './scope.js';

/** Fonts of Chinese official documents (GB/T 9704): 仿宋 body, 黑体 and 楷体 headings, 宋体 tables. */
const LATIN = 'Times New Roman';
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });
const FANGSONG = font('仿宋_GB2312');
const HEITI = font('黑体');
const KAITI = font('楷体_GB2312');
const SONGTI = font('宋体');
/**
 * The font table Word reads to stand in for a missing font: 仿宋_GB2312 and 楷体_GB2312 (set up on most
 * government machines) fall back to Windows' 仿宋 and 楷体, and all are GB2312 fonts (charset 86), so that
 * no machine shows the text in a Latin font.
 */
const FONT_TABLE = [
  { name: '仿宋_GB2312', alt: '仿宋', family: 'modern' },
  { name: '楷体_GB2312', alt: '楷体', family: 'modern' },
  { name: '黑体', alt: 'SimHei', family: 'modern' },
  { name: '宋体', alt: 'SimSun', family: 'auto' },
  { name: LATIN, alt: 'Times', family: 'roman' },
];

function withFontTable(docx: Buffer): Buffer {
  const files = unzipSync(docx);
  const table = files['word/fontTable.xml'];
  if (!table) return docx;
  const entries = FONT_TABLE.map(
    (f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="${f.family === 'roman' ? '00' : '86'}"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  ).join('');
  const xml = strFromU8(table);
  files['word/fontTable.xml'] = strToU8(xml.endsWith('/>') ? `${xml.slice(0, -2)}>${entries}</w:fonts>` : xml.replace('</w:fonts>', `${entries}</w:fonts>`));
  return Buffer.from(zipSync(files));
}

/** Half-points: 三号 16pt, 四号 14pt, 五号 10.5pt, 二号 22pt. */
const SIZE = { title: 44, body: 32, small: 28, table: 21 } as const;

/** A4 with the margins of GB/T 9704 (mm → twips). */
const mm = (x: number) => Math.round((x * 1440) / 25.4);
const PAGE = { width: mm(210), height: mm(297), top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** Text width in CSS pixels (96 dpi), for images. */
const TEXT_WIDTH_PX = Math.round(((210 - 28 - 26) / 25.4) * 96);

/** Narrower than on screen, so that the chart's text stays legible at the page's width. */
const CHART_SIZE: ChartSize = { width: 640, height: 360 };

function run(text: string, opts: IRunOptions = {}): TextRun {
  return new TextRun({ text, font: FANGSONG, size: SIZE.body, language: { eastAsia: 'zh-CN' }, ...opts });
}

/** A body paragraph: first line indented by two characters, fixed 28pt lines as official documents have. */
function para(children: TextRun[] | string, opts: { indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: typeof children === 'string' ? [run(children)] : children,
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
  });
}

/** 一、 headings in 黑体, （一） headings in 楷体 bold, as official documents have them. */
function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: [run(text, level === 1 ? { font: HEITI, bold: false } : { font: KAITI, bold: true })],
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
  });
}

/** A chart for the briefing: its option now, its picture once all charts are rendered together. */
interface ChartSlot {
  option: EChartsOption;
  alt: string;
  png?: Buffer;
}

function chartImage(chart: ChartSlot): Paragraph {
  const width = TEXT_WIDTH_PX;
  const px = pngSize(chart.png!);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    children: [
      new ImageRun({
        type: 'png',
        data: chart.png!,
        transformation: { width, height: Math.round((width * px.height) / px.width) },
        altText: { name: chart.alt, title: chart.alt, description: chart.alt },
      }),
    ],
  });
}

const cellRun = (text: string, bold = false) => new TextRun({ text, font: bold ? HEITI : SONGTI, size: SIZE.table, language: { eastAsia: 'zh-CN' } });

function table(headers: string[], rows: string[][], widths: number[], numeric: boolean[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.round(((PAGE.width - PAGE.left - PAGE.right) * w) / total));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: twips[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [cellRun(text, header)] })],
    });
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: PAGE.width - PAGE.left - PAGE.right, type: WidthType.DXA },
    columnWidths: twips,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const int = (n: number) => n.toLocaleString('zh-CN');
const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Longest lists written out in full; the rest are counted. */
const LIST_UNITS = 15;
const LIST_RECURRENCES = 10;
const LIST_PASSAGES = 8;
const RUNS_PER_UNIT = 3;
/** Longest passage quoted in full. */
const QUOTE_CHARS = 120;

/** Per unit, each theme once with its longest run, longest first; the units in the order the view ranks them. */
function longestRuns(units: UnitRecurrences[]): Array<{ unit: string; runs: Array<{ label: string; periods: number }> }> {
  return units.map((u) => {
    const best = new Map<string, number>();
    for (const r of u.runs) best.set(r.label, Math.max(best.get(r.label) ?? 0, r.periods));
    const runs = [...best].map(([label, periods]) => ({ label, periods })).sort((a, b) => b.periods - a.periods || a.label.localeCompare(b.label, 'zh-CN'));
    return { unit: u.unit, runs: runs.slice(0, RUNS_PER_UNIT) };
  });
}

/** The same passage copied into several reports is quoted once. */
function distinctPassages<P extends { text: string }>(passages: P[]): P[] {
  const seen = new Set<string>();
  return passages.filter((p) => {
    const key = p.text.replace(/\s+/g, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function buildBriefing(db: Db, f: Filters, now: Date): Promise<Buffer> {
  const [headlines, byDeptYear, units, attention, missing, themes, trends, recurrences, activity, reuseRates, passages, templates] = await Promise.all([
    getHeadlines(db, f),
    getReportsByDepartmentYear(db, f),
    getUnitComparison(db, f),
    getUnitsNeedingAttention(db, f),
    getMissingSubmissions(db, f),
    getThemes(db, f),
    getThemeTrends(db, f),
    getRecurrences(db, f, { minPeriods: 2, pageSize: LIST_RECURRENCES }),
    getActivityByCategory(db, f, 'year'),
    getReuseByDepartmentYear(db, f),
    getTopCopiedPassages(db, f, LIST_PASSAGES * 4),
    listTemplates(db, f),
  ]);
  const departments = [...new Set(units.map((u) => u.department ?? '未分组'))];
  const years = [...new Set(byDeptYear.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const yearSpan = years.length === 0 ? '年度不详' : years.length === 1 ? `${years[0]}年` : `${years[0]}—${years[years.length - 1]}年`;

  const body: Array<Paragraph | Table | ChartSlot> = [];
  let section = 0;
  const nextHeading = (text: string) => body.push(heading(`${CHINESE_ORDINALS[section++]}、${text}`, 1));

  body.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new TextRun({ text: '意识形态工作报告研判简报', font: SONGTI, size: SIZE.title, bold: true, language: { eastAsia: 'zh-CN' } })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(`研判系统生成　${chineseDate(now)}`, { size: SIZE.small })] }),
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 1 } },
      spacing: { after: 240 },
      children: [],
    }),
  );

  nextHeading('研判范围');
  body.push(
    para(
      `本期研判范围：${describeFilters(f)}${f.period ? '' : '，各报送期别'}。共涉及 ${int(departments.length)} 个部门、${int(headlines.units)} 个单位报送的 ${int(headlines.reports)} 份报告，时间跨度为 ${yearSpan}${f.period ? `（${periodLabel(f.period)}）` : ''}。`,
    ),
    para(`涉及部门：${departments.join('、') || '无'}。`),
  );
  if (units.length) {
    const names = units.map((u) => u.unit);
    body.push(para(`涉及单位：${names.slice(0, 30).join('、')}${names.length > 30 ? ` 等 ${int(names.length)} 个单位` : ''}。`));
  }

  nextHeading('总体情况');
  body.push(
    para(
      `各单位报告平均 ${int(headlines.avgChars)} 字。全部报告文字中，套话、抄自他单位、套用范文库文本和照搬本单位往期材料等合计占 ${pct(headlines.reuseRate)}，其中抄自其他单位较早报告的占 ${pct(headlines.copiedRate)}${headlines.modelRate > 0 ? `，套用范文网站范文的占 ${pct(headlines.modelRate)}` : ''}。${pct(headlines.withoutProblemsShare)} 的报告没有“存在的问题”部分，只讲成绩、不查问题的倾向需要注意。`,
    ),
  );
  if (missing.year !== null) {
    const label = `${missing.year}年${periodLabel(missing.period)}`;
    body.push(
      para(
        missing.units.length
          ? `截至目前，${label}尚有 ${int(missing.units.length)} 个单位未报送：${missing.units.slice(0, LIST_UNITS).map((u) => u.name).join('、')}${missing.units.length > LIST_UNITS ? ' 等' : ''}。`
          : `${label}各单位均已报送。`,
      ),
    );
  }
  if (byDeptYear.length) body.push({ option: reportsByDepartmentYearChart(byDeptYear), alt: '各部门报送报告数（按年度）' });

  const categorised = activity.filter((c) => c.category !== null);
  if (categorised.length) {
    nextHeading('工作开展情况');
    const byCategory = new Map<string, number>();
    for (const c of categorised) byCategory.set(c.category!, (byCategory.get(c.category!) ?? 0) + c.figures);
    const top = [...byCategory].sort((a, b) => b[1] - a[1]).slice(0, 5);
    body.push(para(`从各单位填报的数字看，填报最多的工作类别依次为：${top.map(([c, n]) => `${c}（${int(n)} 条）`).join('、')}。`));
    body.push({ option: activityByYearChart(activity, activityCategories(), 'figures'), alt: '各年度活动频次' });
  }

  nextHeading('需要关注的单位');
  if (attention.length === 0) {
    body.push(para('本期各单位报告未发现需要特别关注的情况。'));
  } else {
    body.push(para(`以下 ${int(attention.length)} 个单位的报告存在需要核实的情况${attention.length > LIST_UNITS ? `，列出情况最多的 ${LIST_UNITS} 个` : ''}：`));
    body.push(
      table(
        ['单位', '部门', '需要关注的情况'],
        attention.slice(0, LIST_UNITS).map((u) => [u.unit, u.department ?? '未分组', u.reasons.join('；')]),
        [3, 2, 9],
        [false, false, false],
      ),
    );
  }

  if (reuseRates.length) {
    nextHeading('材料雷同情况');
    const copiedUnits = units.filter((u) => u.rates.copied > 0).length;
    const modelUnits = units.filter((u) => u.rates.model > 0).length;
    body.push(
      para(
        `经比对，${int(copiedUnits)} 个单位的报告中有与其他单位较早报告相同或基本相同的段落（抄自他单位，先报送的单位不计）${modelUnits ? `，${int(modelUnits)} 个单位的报告套用了范文库中的范文` : ''}。各部门报告中抄自他单位、同期雷同、套用范文、引用上级文件、照搬本单位往期材料（自我重复）和套话所占比例见下图。`,
      ),
    );
    body.push({ option: reuseByDepartmentChart(reuseRates), alt: '各部门报告雷同率' });
    const quoted = distinctPassages(passages).slice(0, LIST_PASSAGES);
    let sub = 0;
    if (quoted.length) {
      body.push(heading(`（${CHINESE_ORDINALS[sub++]}）抄自其他单位的段落`, 2));
      quoted.forEach((p, i) => {
        const quote = p.text.replace(/\s+/g, '');
        const sources = sourcesByUnit(p.sources).map((g) => `${g.unit}（${g.first.year ? `${g.first.year}年` : '年度不详'}${periodLabel(g.first.period)}）`).join('、');
        body.push(
          para([
            run(`${i + 1}. ${p.unit}${p.year ? `${p.year}年${periodLabel(p.period)}` : ''}报告：`, { bold: true }),
            run(`“${quote.length > QUOTE_CHARS ? `${quote.slice(0, QUOTE_CHARS)}……` : quote}”`),
            run(p.kind === 'copied' ? `抄自 ${sources} 的报告。` : `与同期 ${sources} 的报告雷同（先后不明）。`),
          ]),
        );
      });
    }
    const used = templates.filter((t) => t.reports > 0).slice(0, LIST_PASSAGES);
    if (used.length) {
      body.push(heading(`（${CHINESE_ORDINALS[sub++]}）套用范文库文本的情况`, 2));
      for (const t of used) {
        body.push(para(`${TEMPLATE_KIND_LABELS[t.kind]}《${t.title}》：${int(t.units)} 个单位的 ${int(t.reports)} 份报告取用，共 ${int(t.takenChars)} 字。`));
      }
    }
  }

  const shown = mainThemes(themes.themes);
  if (shown.length) {
    nextHeading('反复出现的问题');
    body.push(
      para(
        `各单位报告中查摆的问题，归纳为以下主要方面：${shown
          .slice(0, 5)
          .map((t) => `“${t.label}”（${int(t.units)} 个单位、${int(t.statements)} 条）`)
          .join('；')}。`,
      ),
    );
    if (trends.years.length > 1) body.push({ option: themeTrendChart(trends.years, trends.themes, shown, trends.period), alt: '主要问题主题的年度变化' });
    const repeated = longestRuns(recurrences.units);
    if (repeated.length) {
      body.push(heading('（一）同一问题连续多期出现', 2));
      body.push(
        para(
          `${int(recurrences.total)} 个单位在连续多个报送期查摆了同一类问题，整改成效需要跟踪${recurrences.total > LIST_RECURRENCES ? `，连续期数最多的 ${LIST_RECURRENCES} 个单位如下` : ''}：`,
        ),
      );
      for (const u of repeated.slice(0, LIST_RECURRENCES)) {
        body.push(para(`${u.unit}：${u.runs.map((r) => `“${r.label}”连续 ${r.periods} 期`).join('，')}。`));
      }
    }
  }

  nextHeading('附表：各单位报告情况一览');
  body.push(
    table(
      ['单位', '部门', '报告数', '套话率', '抄自他单位', '套用范文', '占位符', '提示', '问题条数'],
      units.map((u) => [u.unit, u.department ?? '未分组', int(u.reports), pct(u.rates.stock), pct(u.rates.copied), pct(u.rates.model), int(u.placeholders), int(u.flags), int(u.problems)]),
      [3.6, 2.2, 1.3, 1.5, 1.7, 1.5, 1.3, 1.1, 1.4],
      [false, false, true, true, true, true, true, true, true],
    ),
  );

  const charts = body.filter((b): b is ChartSlot => !(b instanceof Paragraph) && !(b instanceof Table));
  await Promise.all(
    charts.map(async (c) => {
      c.png = await chartToPng(c.option, CHART_SIZE);
    }),
  );

  const doc = new Document({
    creator: '研判',
    title: '意识形态工作报告研判简报',
    description: describeFilters(f),
    styles: {
      default: {
        document: { run: { font: FANGSONG, size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } },
        heading1: { run: { font: HEITI, size: SIZE.body, bold: false, color: '000000' } },
        heading2: { run: { font: KAITI, size: SIZE.body, bold: true, color: '000000' } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: mm(20) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONGTI, size: SIZE.small })],
              }),
            ],
          }),
        },
        children: body.map((b) => (b instanceof Paragraph || b instanceof Table ? b : chartImage(b))),
      },
    ],
  });
  return withFontTable(await Packer.toBuffer(doc));
}

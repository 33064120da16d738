// The Word briefing (简报) for a scope of reports: what the dashboard found, laid out the way committee
// staff hand it to their leaders. Every finding links to the passage of the report it rests on (in the
// dashboard, at the server's public address), quotes whole sentences, says how many reports it rests
// on, and a unit is read against its department's median and its own previous report.
import { AlignmentType, BorderStyle, Document, type ExternalHyperlink, Footer, Packer, PageNumber, Paragraph, Table, TextRun } from 'docx';
import { activityByYearChart } from '../../shared/charts/activity.js';
import { reportsByDepartmentYearChart } from '../../shared/charts/reportsByDepartmentYear.js';
import { reuseByDepartmentChart } from '../../shared/charts/reuse.js';
import { mainThemes, themeTrendChart } from '../../shared/charts/themes.js';
import { BRIEFING_SECTION_LABELS, BRIEFING_SECTIONS, type BriefingSection, evidencePath } from '../../shared/exports.js';
import type { Filters } from '../../shared/filters.js';
import { sourcesByUnit } from '../../shared/periods.js';
import { TEMPLATE_KIND_LABELS } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { activityCategories, getActivityByCategory } from '../queries/activity.js';
import { getUnitBaselines, type UnitBaseline } from '../queries/baselines.js';
import { getNotableFigures } from '../queries/figures.js';
import { type Evidence, getUnitsNeedingAttention } from '../queries/flags.js';
import { getHeadlines, getMissingSubmissions, getReportsByDepartmentYear } from '../queries/overview.js';
import { quoteText, wholeSentences } from '../queries/quotes.js';
import { getReuseByDepartmentYear, getTopCopiedPassages } from '../queries/reuse.js';
import { listTemplates } from '../queries/templates.js';
import { getRecurrences, getThemeMembers, getThemes, getThemeTrends, type UnitRecurrences } from '../queries/themes.js';
import { getUnitComparison } from '../queries/units.js';
import { reportTexts } from '../db/texts.js';
import { CHART_SIZE, type ChartSlot, cellParagraph, cellRun, chartImage, FANGSONG, heading, HEITI, KAITI, link, mm, PAGE, para, run, SIZE, SONGTI, table, withFontTable } from './briefing-layout.js';
import { chartToPng } from './charts.js';
import { chineseDate, describeFilters, periodLabel } from './scope.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const int = (n: number) => n.toLocaleString('zh-CN');
const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const yearPeriod = (year: number | null, period: string | null) => (year ? `${year}年${periodLabel(period)}` : '年度不详');

/** Longest lists written out in full; the rest are counted. */
const LIST_UNITS = 15;
const LIST_RECURRENCES = 10;
const LIST_PASSAGES = 8;
const RUNS_PER_UNIT = 3;
/** Longest quote, in characters: whole sentences up to this (a longer first sentence is cut at a clause). */
const QUOTE_CHARS = 120;

export interface BriefingOptions {
  now: Date;
  /** The dashboard's address as readers reach it (http://yanpan.intranet:3000): the links to the evidence. */
  publicUrl: string;
  /** The sections to include, in the briefing's order; all when not given. */
  sections?: readonly BriefingSection[];
}

/** Per unit, each theme once with its longest run, longest first; the units in the order the view ranks them. */
function longestRuns(units: UnitRecurrences[]) {
  return units.map((u) => {
    const best = new Map<string, UnitRecurrences['runs'][number]>();
    for (const r of u.runs) if ((best.get(r.label)?.periods ?? 0) < r.periods) best.set(r.label, r);
    const runs = [...best.values()].sort((a, b) => b.periods - a.periods || a.label.localeCompare(b.label, 'zh-CN'));
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

/** A unit's rate read against its department's median and its own previous report. */
function againstBaseline(b: UnitBaseline | undefined): string {
  if (!b) return '';
  const median = b.peers.reuse;
  const parts = [`雷同率 ${pct(b.rates.reuse)}${b.reports > 1 ? `（${b.reports} 份报告合计）` : ''}`];
  if (median && median.units > 1) parts.push(`本部门 ${median.units} 个单位中位数 ${pct(median.median)}`);
  // Period against period: a total over several reports is no match for one earlier report.
  if (b.previous && b.reports > 1) parts.push(`最近一期（${yearPeriod(b.current.year, b.current.period)}）${pct(b.current.rates.reuse)}`);
  if (b.previous) parts.push(`上期（${yearPeriod(b.previous.year, b.previous.period)}）${pct(b.previous.rates.reuse)}`);
  return parts.join('，');
}

export async function buildBriefing(db: Db, f: Filters, opts: BriefingOptions): Promise<Buffer> {
  const include = new Set(opts.sections ?? BRIEFING_SECTIONS);
  const base = opts.publicUrl.replace(/\/+$/, '');
  const url = (e: Evidence) => `${base}${evidencePath(e)}`;
  const [headlines, byDeptYear, units, baselines, attention, missing, themes, trends, recurrences, activity, reuseRates, passages, templates] = await Promise.all([
    getHeadlines(db, f),
    getReportsByDepartmentYear(db, f),
    getUnitComparison(db, f),
    getUnitBaselines(db, f),
    getUnitsNeedingAttention(db, f),
    getMissingSubmissions(db, f),
    getThemes(db, f),
    getThemeTrends(db, f),
    getRecurrences(db, f, { minPeriods: 2, pageSize: LIST_RECURRENCES }),
    getActivityByCategory(db, f, 'year'),
    getReuseByDepartmentYear(db, f),
    // Each kind its own list: copied passages first would leave the same period's none.
    Promise.all([getTopCopiedPassages(db, f, LIST_PASSAGES * 2, ['copied']), getTopCopiedPassages(db, f, LIST_PASSAGES * 2, ['shared'])]).then((lists) => lists.flat()),
    listTemplates(db, f),
  ]);
  const baselineOf = new Map(baselines.map((b) => [b.unit, b]));
  const departments = [...new Set(units.map((u) => u.department ?? '未分组'))];
  const years = [...new Set(byDeptYear.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const yearSpan = years.length === 0 ? '年度不详' : years.length === 1 ? `${years[0]}年` : `${years[0]}—${years[years.length - 1]}年`;

  const body: Array<Paragraph | Table | ChartSlot> = [];
  let section = 0;
  const nextHeading = (s: BriefingSection) => body.push(heading(`${CHINESE_ORDINALS[section++]}、${BRIEFING_SECTION_LABELS[s]}`, 1));
  /** The sentences a finding quotes, from the stored text, with the link to them. */
  const texts = await reportTexts(db, [...new Set(passages.map((p) => p.reportId))]);
  const quote = async (reportId: number, start: number, end: number, mode?: 'within') => {
    const text = texts.get(reportId) ?? (await reportTexts(db, [reportId])).get(reportId) ?? '';
    const q = wholeSentences(text, start, end, QUOTE_CHARS, mode);
    return { text: quoteText(text, q), evidence: { reportId, start: q.start, end: q.end } };
  };

  body.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new TextRun({ text: '意识形态工作报告研判简报', font: SONGTI, size: SIZE.title, bold: true, language: { eastAsia: 'zh-CN' } })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(`研判系统生成　${chineseDate(opts.now)}`, { size: SIZE.small })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run('文中带下划线的蓝色文字链接到研判系统中的报告原文，打开即定位到所依据的段落。', { size: SIZE.small })] }),
    new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 1 } }, spacing: { after: 240 }, children: [] }),
  );

  if (include.has('scope')) {
    nextHeading('scope');
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
  }

  if (include.has('overview')) {
    nextHeading('overview');
    const reuse = baselines.map((b) => b.rates.reuse).sort((a, b) => a - b);
    const median = reuse.length ? reuse[Math.floor((reuse.length - 1) / 2)]! : 0;
    body.push(
      para(
        `依据 ${int(headlines.reports)} 份报告：各单位报告平均 ${int(headlines.avgChars)} 字。全部报告文字中，套话、抄自他单位、套用范文库文本和照搬本单位往期材料等合计占 ${pct(headlines.reuseRate)}（各单位中位数 ${pct(median)}），其中抄自其他单位较早报告的占 ${pct(headlines.copiedRate)}${headlines.modelRate > 0 ? `，套用范文网站范文的占 ${pct(headlines.modelRate)}` : ''}。${int(Math.round(headlines.withoutProblemsShare * headlines.reports))} 份报告（${pct(headlines.withoutProblemsShare)}）没有“存在的问题”部分，只讲成绩、不查问题的倾向需要注意。`,
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
  }

  const categorised = activity.filter((c) => c.category !== null);
  if (include.has('activity') && categorised.length) {
    nextHeading('activity');
    const byCategory = new Map<string, { figures: number; reports: number }>();
    for (const c of categorised) {
      const e = byCategory.get(c.category!) ?? { figures: 0, reports: 0 };
      byCategory.set(c.category!, { figures: e.figures + c.figures, reports: e.reports + c.reports });
    }
    const top = [...byCategory].sort((a, b) => b[1].figures - a[1].figures).slice(0, 5);
    body.push(para(`从各单位填报的数字看，填报最多的工作类别依次为：${top.map(([c, n]) => `${c}（${int(n.reports)} 份报告、${int(n.figures)} 条）`).join('、')}。各类别中填报数量最大的一条如下，请核实：`));
    const notable = await getNotableFigures(db, f, top.map(([c]) => c));
    for (const [c] of top) {
      const n = notable.find((x) => x.category === c);
      if (!n) continue;
      const q = await quote(n.reportId, n.sentenceStart, n.sentenceEnd);
      body.push(para([run(`${c}：${n.unit}${yearPeriod(n.year, n.period)}报告“${q.text}”（${n.activity} ${int(n.value)}${n.approx ? '余' : ''}${n.measure}）`), link('查看原文', url(q.evidence))]));
    }
    body.push({ option: activityByYearChart(activity, activityCategories(), 'figures'), alt: '各年度活动频次' });
  }

  if (include.has('attention')) {
    nextHeading('attention');
    if (attention.length === 0) {
      body.push(para('本期各单位报告未发现需要特别关注的情况。'));
    } else {
      body.push(
        para(
          `以下 ${int(attention.length)} 个单位的报告存在需要核实的情况${attention.length > LIST_UNITS ? `，列出情况最多的 ${LIST_UNITS} 个` : ''}；每条情况注明所依据的报告份数，“原文”链接到所依据的段落，并列出该单位雷同率与本部门中位数、本单位上期的比较：`,
        ),
      );
      body.push(
        table(
          ['单位', '部门', '需要关注的情况'],
          attention.slice(0, LIST_UNITS).map((u) => [
            u.unit,
            u.department ?? '未分组',
            [
              ...u.reasons.map((r) => cellParagraph([cellRun(`${r.text}（依据 ${int(r.reports)} 份报告）`), link('原文', url(r.evidence), true)])),
              ...(baselineOf.has(u.unit) ? [cellParagraph([cellRun(`${againstBaseline(baselineOf.get(u.unit))}。`)])] : []),
            ],
          ]),
          [3, 2, 9],
          [false, false, false],
        ),
      );
    }
    const standouts = baselines.filter((b) => b.outliers.reuse?.length || b.outliers.copied?.length);
    if (standouts.length) {
      body.push(heading('与本部门其他单位、本单位上期相比突出的单位', 2));
      for (const b of standouts.slice(0, LIST_UNITS)) {
        const why = [...new Set([...(b.outliers.reuse ?? []), ...(b.outliers.copied ?? [])])]
          .map((o) => (o === 'peer' ? '高于本部门四分之三的单位' : '较本单位上期明显上升'))
          .join('，');
        body.push(para([run(`${b.unit}：${againstBaseline(b)}，${why}（依据 ${int(b.reports)} 份报告）。`), link('查看最近一期报告', url({ reportId: b.current.reportId, start: null, end: null }))]));
      }
    }
  }

  if (include.has('reuse') && reuseRates.length) {
    nextHeading('reuse');
    const copiedUnits = units.filter((u) => u.rates.copied > 0).length;
    const modelUnits = units.filter((u) => u.rates.model > 0).length;
    body.push(
      para(
        `经比对，${int(copiedUnits)} 个单位的报告中有与其他单位较早报告相同或基本相同的段落（抄自他单位，先报送的单位不计）${modelUnits ? `，${int(modelUnits)} 个单位的报告套用了范文库中的范文` : ''}。各部门报告中抄自他单位、同期雷同、套用范文、引用上级文件、照搬本单位往期材料（自我重复）和套话所占比例见下图。`,
      ),
    );
    body.push({ option: reuseByDepartmentChart(reuseRates), alt: '各部门报告雷同率' });
    const distinct = distinctPassages(passages);
    let sub = 0;
    // Taken from an earlier report first, then the same period's (direction unknown), each under its heading.
    for (const [kind, title] of [['copied', '抄自其他单位的段落'], ['shared', '同期报告雷同的段落（先后不明）']] as const) {
      const quoted = distinct.filter((p) => p.kind === kind).slice(0, LIST_PASSAGES);
      if (quoted.length === 0) continue;
      body.push(heading(`（${CHINESE_ORDINALS[sub++]}）${title}`, 2));
      for (const [i, p] of quoted.entries()) {
        // The copied words only: the sentence around a short passage may name the unit that copied it.
        const q = await quote(p.reportId, p.start, p.end, 'within');
        const groups = sourcesByUnit(p.sources);
        const sources = groups.map((g) => `${g.unit}（${yearPeriod(g.first.year, g.first.period)}）`).join('、');
        const reports = 1 + groups.reduce((s, g) => s + g.reports, 0);
        body.push(
          para([
            run(`${i + 1}. ${p.unit}${p.year ? `${p.year}年${periodLabel(p.period)}` : ''}报告：`, { bold: true }),
            run(`“${q.text}”`),
            run(p.kind === 'copied' ? `抄自 ${sources} 的报告` : `与同期 ${sources} 的报告雷同（先后不明）`),
            run(`（相同段落共 ${int(p.text.replace(/\s+/g, '').length)} 字，涉及 ${int(reports)} 份报告）。`),
            link('查看原文', url(q.evidence)),
          ]),
        );
      }
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
  if (include.has('themes') && shown.length) {
    nextHeading('themes');
    body.push(para(`各单位报告中查摆的问题，归纳为以下主要方面（每个方面举一条原文）：`));
    for (const t of shown.slice(0, 5)) {
      const [example] = (await getThemeMembers(db, t.id, f, { page: 1, pageSize: 1 })).rows;
      const children = [run(`“${t.label}”：${int(t.units)} 个单位的 ${int(t.reports)} 份报告、${int(t.statements)} 条问题表述。`)];
      if (example) {
        const q = await quote(example.report, example.start, example.end);
        body.push(para([...children, run(`如${example.unit}${yearPeriod(example.year, example.period)}：“${q.text}”`), link('查看原文', url(q.evidence))]));
      } else body.push(para(children));
    }
    if (trends.years.length > 1) body.push({ option: themeTrendChart(trends.years, trends.themes, shown, trends.period), alt: '主要问题主题的年度变化' });
    const repeated = longestRuns(recurrences.units);
    if (repeated.length) {
      body.push(heading('（一）同一问题连续多期出现', 2));
      body.push(
        para(`${int(recurrences.total)} 个单位在连续多个报送期查摆了同一类问题，整改成效需要跟踪${recurrences.total > LIST_RECURRENCES ? `，连续期数最多的 ${LIST_RECURRENCES} 个单位如下` : ''}（链接到最近一期的问题表述）：`),
      );
      for (const u of repeated.slice(0, LIST_RECURRENCES)) {
        const children: Array<TextRun | ExternalHyperlink> = [run(`${u.unit}：`)];
        u.runs.forEach((r, i) => {
          const last = r.entries[r.entries.length - 1];
          const statement = last?.statements[0];
          children.push(run(`${i ? '，' : ''}“${r.label}”连续 ${r.periods} 期（${r.entries.length} 份报告）`));
          if (last && statement) children.push(run(' '), link('原文', url({ reportId: last.report, start: statement.start, end: statement.end })));
        });
        body.push(para([...children, run('。')]));
      }
    }
  }

  if (include.has('units')) {
    nextHeading('units');
    body.push(
      table(
        ['单位', '部门', '报告数', '雷同率', '本部门中位数', '上期雷同率', '抄自他单位', '套用范文', '占位符', '提示', '问题条数'],
        units.map((u) => {
          const b = baselineOf.get(u.unit);
          return [
            u.unit,
            u.department ?? '未分组',
            int(u.reports),
            pct(u.rates.reuse),
            b?.peers.reuse ? pct(b.peers.reuse.median) : '—',
            b?.previous ? pct(b.previous.rates.reuse) : '—',
            pct(u.rates.copied),
            pct(u.rates.model),
            int(u.placeholders),
            int(u.flags),
            int(u.problems),
          ];
        }),
        [3.4, 2, 1.2, 1.4, 1.6, 1.5, 1.5, 1.4, 1.2, 1, 1.3],
        [false, false, true, true, true, true, true, true, true, true, true],
      ),
    );
  }

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

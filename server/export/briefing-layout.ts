// The Word briefing's page and type: fonts and sizes of Chinese official documents (GB/T 9704), body
// paragraphs, headings, tables, chart images and links to the evidence in the dashboard.
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  type IRunOptions,
  LineRuleType,
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
import { type ChartSize, pngSize } from './charts.js';

/** Fonts of Chinese official documents (GB/T 9704): 仿宋 body, 黑体 and 楷体 headings, 宋体 tables. */
export const LATIN = 'Times New Roman';
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });
export const FANGSONG = font('仿宋_GB2312');
export const HEITI = font('黑体');
export const KAITI = font('楷体_GB2312');
export const SONGTI = font('宋体');
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

export function withFontTable(docx: Buffer): Buffer {
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
export const SIZE = { title: 44, body: 32, small: 28, table: 21 } as const;

/** A4 with the margins of GB/T 9704 (mm → twips). */
export const mm = (x: number) => Math.round((x * 1440) / 25.4);
export const PAGE = { width: mm(210), height: mm(297), top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** Text width in CSS pixels (96 dpi), for images. */
const TEXT_WIDTH_PX = Math.round(((210 - 28 - 26) / 25.4) * 96);

/** Narrower than on screen, so that the chart's text stays legible at the page's width. */
export const CHART_SIZE: ChartSize = { width: 640, height: 360 };

export function run(text: string, opts: IRunOptions = {}): TextRun {
  return new TextRun({ text, font: FANGSONG, size: SIZE.body, language: { eastAsia: 'zh-CN' }, ...opts });
}

/** A body paragraph: first line indented by two characters, fixed 28pt lines as official documents have. */
export function para(children: Array<TextRun | ExternalHyperlink> | string, opts: { indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: typeof children === 'string' ? [run(children)] : children,
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
  });
}

/** 一、 headings in 黑体, （一） headings in 楷体 bold, as official documents have them. */
export function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: [run(text, level === 1 ? { font: HEITI, bold: false } : { font: KAITI, bold: true })],
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
  });
}

/** A chart for the briefing: its option now, its picture once all charts are rendered together. */
export interface ChartSlot {
  option: EChartsOption;
  alt: string;
  png?: Buffer;
}

export function chartImage(chart: ChartSlot): Paragraph {
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

export const cellRun = (text: string, bold = false) => new TextRun({ text, font: bold ? HEITI : SONGTI, size: SIZE.table, language: { eastAsia: 'zh-CN' } });

/** A table cell's content: text, or paragraphs of runs and links (a finding with its evidence). */
export type CellContent = string | Paragraph[];

export function table(headers: string[], rows: CellContent[][], widths: number[], numeric: boolean[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.round(((PAGE.width - PAGE.left - PAGE.right) * w) / total));
  const cell = (content: CellContent, i: number, header: boolean) =>
    new TableCell({
      width: { size: twips[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children:
        typeof content === 'string'
          ? [new Paragraph({ alignment: header ? AlignmentType.CENTER : numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [cellRun(content, header)] })]
          : content,
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

/** A link to the dashboard, blue and underlined as Word shows links, in the surrounding run's size. */
export function link(text: string, url: string, inTable = false): ExternalHyperlink {
  return new ExternalHyperlink({
    link: url,
    children: [new TextRun({ text, font: inTable ? SONGTI : FANGSONG, size: inTable ? SIZE.table : SIZE.body, color: '0563C1', underline: {}, language: { eastAsia: 'zh-CN' } })],
  });
}

/** A paragraph inside a table cell, in the table's type. */
export function cellParagraph(children: Array<TextRun | ExternalHyperlink>): Paragraph {
  return new Paragraph({ children });
}

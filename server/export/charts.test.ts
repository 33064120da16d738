import fs from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import { reportsByDepartmentYearChart } from '../../shared/charts/reportsByDepartmentYear.js';
import { CHART_FONT } from '../../shared/charts/theme.js';
import { decodePng, type Pixels } from '../../tests/png.js';
import { chartToPng, chartToSvg, cjkFont, type CjkFont } from './charts.js';

const titleOnly = (text: string): EChartsOption => ({ textStyle: { fontFamily: CHART_FONT }, title: { text, left: 'center', top: 10, textStyle: { fontSize: 24 } } });
const SIZE = { width: 400, height: 60 };

/** Pixels darker than the white background. */
const ink = (p: Pixels) => {
  let n = 0;
  for (let i = 0; i < p.data.length; i += 4) if (p.data[i]! + p.data[i + 1]! + p.data[i + 2]! < 600) n++;
  return n;
};
const same = (a: Pixels, b: Pixels) => a.width === b.width && a.height === b.height && Buffer.from(a.data).equals(Buffer.from(b.data));
const render = async (text: string, font?: CjkFont | null) => decodePng(await chartToPng(titleOnly(text), SIZE, { font }));

// Two titles of the same length and width: drawn as tofu, every character is the same box.
const A = '各部门报送报告数';
const B = '问题主题年度变化';
const DEJAVU: CjkFont = { file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', family: 'DejaVu Sans' };

describe('charts rendered on the server', () => {
  it('finds a CJK font on this machine', () => {
    // CI installs fonts-noto-cjk (.ci/run); without it PNG exports lack their Chinese text.
    expect(cjkFont()).not.toBeNull();
  });

  it('draws Chinese text as real glyphs, not tofu boxes', async () => {
    const a = await render(A);
    const b = await render(B);
    expect(a.width).toBe(800); // 2×
    expect(a.height).toBe(120);
    // With the CJK font there is text, as much as with a font that draws boxes …
    const blank = await render(A, null);
    expect(ink(blank)).toBe(0);
    expect(ink(a)).toBeGreaterThan(800);
    // … and different characters look different.
    expect(same(a, b)).toBe(false);
  });

  it.runIf(fs.existsSync(DEJAVU.file))('tells tofu apart: a font without Chinese draws the same boxes for different titles', async () => {
    const a = await render(A, DEJAVU);
    const b = await render(B, DEJAVU);
    expect(ink(a)).toBeGreaterThan(800);
    expect(same(a, b)).toBe(true);
  });

  it('renders a dashboard chart to valid SVG and to a 2× PNG on white', async () => {
    const option = reportsByDepartmentYearChart([
      { department: '宣传文化', year: 2023, reports: 3 },
      { department: '党群', year: 2024, reports: 5 },
    ]);
    const svg = chartToSvg(option, { width: 640, height: 360 });
    expect(svg).toMatch(/^<svg[^>]+width="640" height="360"/);
    expect(svg).toContain('各部门报送报告数');
    expect(svg).toContain('宣传文化');
    // Well-formed XML (an unescaped quote in a style attribute once broke it).
    const errors: string[] = [];
    new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(svg, 'image/svg+xml');
    expect(errors).toEqual([]);
    const png = decodePng(await chartToPng(option, { width: 640, height: 360 }));
    expect([png.width, png.height]).toEqual([1280, 720]);
    expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  });

  it('shows every legend entry: a scrolling legend becomes lines, and the picture grows to hold them', () => {
    const departments = Array.from({ length: 12 }, (_, i) => `第${i + 1}个部门名称较长`);
    const option = reportsByDepartmentYearChart(departments.map((department) => ({ department, year: 2024, reports: 1 })));
    const svg = chartToSvg(option, { width: 640, height: 360 });
    for (const d of departments) expect(svg).toContain(d);
    expect(Number(/height="(\d+)"/.exec(svg)![1])).toBeGreaterThan(360);
  });
});

// Server-side chart rendering for exports: the very EChartsOption the browser draws (shared/charts),
// rendered by ECharts' SSR SVG renderer, and rasterised by resvg with a CJK font loaded explicitly.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts';
import { exportOption } from '../../shared/charts/export.js';

export interface ChartSize {
  width: number;
  height: number;
}

/** CSS pixels: the PNG is twice as large. */
export const DEFAULT_CHART_SIZE: ChartSize = { width: 800, height: 420 };

export interface CjkFont {
  file: string;
  family: string;
}

/** Where Linux distributions put a CJK sans font (Debian's fonts-noto-cjk first: CI installs it). */
const KNOWN_FONTS: CjkFont[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'Noto Serif CJK SC' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/truetype/arphic/uming.ttc', family: 'AR PL UMing CN' },
];

/** Asks fontconfig for whatever font covers Chinese, when none of the known files is there. */
function fontconfigCjk(): CjkFont | null {
  try {
    const out = execFileSync('fc-match', ['-f', '%{file}\n%{family[0]}', 'sans-serif:lang=zh-cn'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
    const [file, family] = out.split('\n');
    if (!file || !family || !fs.existsSync(file)) return null;
    // fc-match always answers something; only a font that has 汉 is a CJK font.
    const covers = execFileSync('fc-list', [':charset=6c49', 'file'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
    return covers.includes(file) ? { file, family } : null;
  } catch {
    return null;
  }
}

let found: CjkFont | null | undefined;

/** The CJK font charts are rasterised with; null (logged once) when the machine has none. */
export function cjkFont(): CjkFont | null {
  if (found !== undefined) return found;
  found = KNOWN_FONTS.find((f) => fs.existsSync(f.file)) ?? fontconfigCjk();
  if (!found) {
    console.error('[export] 未找到中文字体（如 Debian 的 fonts-noto-cjk）：导出的 PNG 图表将缺少中文文字；SVG 与 Word 简报不受影响的部分照常生成');
  }
  return found;
}

/** The SVG of a chart as exported (see shared/charts/export.ts); its height grows with a long legend. */
export function chartToSvg(option: EChartsOption, size: ChartSize = DEFAULT_CHART_SIZE): string {
  const exported = exportOption(option, size);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: exported.height });
  try {
    chart.setOption(exported.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export interface PngOptions {
  /** Device pixels per CSS pixel. */
  scale?: number;
  /** The font to draw text with; default: the machine's CJK font (null: none at all). */
  font?: CjkFont | null;
}

/**
 * Rasterises an SVG (as chartToSvg makes it) on white. Off the main thread: resvg lays out each text
 * element with the full CJK font (some 50 ms each), so a chart takes about a second.
 */
export async function svgToPng(svg: string, opts: PngOptions = {}): Promise<Buffer> {
  const font = opts.font === undefined ? cjkFont() : opts.font;
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: opts.scale ?? 2 },
    background: '#ffffff',
    font: font
      ? { fontFiles: [font.file], loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family, serifFamily: font.family }
      : // Without a CJK font the system's fonts still draw digits and Latin text; null asks for no font at all.
        { loadSystemFonts: opts.font === undefined },
  });
  return image.asPng();
}

export function chartToPng(option: EChartsOption, size: ChartSize = DEFAULT_CHART_SIZE, opts: PngOptions = {}): Promise<Buffer> {
  return svgToPng(chartToSvg(option, size), opts);
}

/** Pixel size of a PNG, from its header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

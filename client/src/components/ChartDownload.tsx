// The download menu of a chart: PNG (2×, white background) and SVG, drawn from the chart's own option by
// an offscreen instance with the export adjustments (shared/charts/export.ts: every legend entry shown).
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { EChartsOption } from 'echarts';
import { exportOption } from '../../../shared/charts/export.js';
import { echarts, svgRenderer } from '../echarts.js';
import { safeFileName, saveBlob, saveFile } from '../download.js';

export interface ChartDownloadProps {
  option: EChartsOption;
  /** The size the chart has on screen (CSS pixels). */
  size: () => { width: number; height: number };
}

function chartTitle(option: EChartsOption): string {
  const t = Array.isArray(option.title) ? option.title[0] : option.title;
  return typeof t?.text === 'string' ? t.text : '图表';
}

function downloadPng(option: EChartsOption, size: { width: number; height: number }, name: string) {
  const { option: out, height } = exportOption(option, size);
  const el = document.createElement('div');
  el.style.cssText = `position:fixed;left:-10000px;top:0;width:${size.width}px;height:${height}px`;
  document.body.appendChild(el);
  const chart = echarts.init(el, undefined, { renderer: 'canvas', width: size.width, height });
  try {
    chart.setOption(out);
    saveFile(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }), `${name}.png`);
  } finally {
    chart.dispose();
    el.remove();
  }
}

async function downloadSvg(option: EChartsOption, size: { width: number; height: number }, name: string) {
  await svgRenderer();
  const { option: out, height } = exportOption(option, size);
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: size.width, height });
  try {
    chart.setOption(out);
    saveBlob(new Blob([chart.renderToSVGString()], { type: 'image/svg+xml;charset=utf-8' }), `${name}.svg`);
  } finally {
    chart.dispose();
  }
}

export function ChartDownload({ option, size }: ChartDownloadProps) {
  const name = safeFileName(chartTitle(option));
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'png', label: '下载 PNG 图片（高清）' },
          { key: 'svg', label: '下载 SVG 矢量图' },
        ],
        onClick: ({ key }) => (key === 'png' ? downloadPng(option, size(), name) : void downloadSvg(option, size(), name)),
      }}
    >
      <Button size="small" type="text" icon={<DownloadOutlined />} aria-label="下载图表" title="下载图表" data-testid="chart-download" />
    </Dropdown>
  );
}

// Colours and fonts shared by every chart, in the browser and in server-side rendering.
// Single quotes inside: ECharts' SVG renderer writes the family into a double-quoted style attribute
// without escaping it, and double quotes there make the exported SVG invalid.
export const CHART_FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'SimHei', sans-serif";
export const PALETTE = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2', '#eb2f96', '#fa8c16', '#2f54eb', '#a0d911'];

// Text into ECharts' HTML: tooltips render their formatter's string as HTML, so a unit, department,
// theme or activity name (which a submitter or an upload can choose) is escaped here, once, as the
// string is put together. ECharts' default tooltips escape on their own; only our formatters need this.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Tooltip markup from a template: the template's own tags are kept, every interpolated value is escaped. */
export function tooltipHtml(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? escapeHtml(values[i]) : ''), '');
}

// Who copied whom, in the browser at 1366×768 on the demo data: an edge of the directed graph opens the
// side-by-side view of its strongest pair (the copier left, its source right), the graph widens on
// request, the most-copied table's 对照 opens the pair it names, the template library (范文库) lists
// its texts with the reports that used them and takes an upload that marks stored reports, and the
// report view shows each kind of reused text in its own colour. Screenshots in test-results/.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng } from '../png.js';
import { apiQuery, RESULTS_DIR, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const shot = (name: string) => h.page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });

interface Edge {
  from: string;
  to: string;
  kind: 'copied' | 'shared';
  chars: number;
  strongest: { a: number; b: number };
}

/** A point well inside a thick copied edge: #fa541c at 0.7 opacity on white, over a 5×5 block (no node, no label). */
async function pointOnEdge(): Promise<{ x: number; y: number }> {
  const chart = h.page.getByTestId('chart-copy-graph');
  const png = decodePng(await chart.screenshot());
  const near = (i: number) => Math.abs(png.data[i]! - 251) <= 10 && Math.abs(png.data[i + 1]! - 135) <= 14 && Math.abs(png.data[i + 2]! - 96) <= 14;
  const at = (x: number, y: number) => 4 * (y * png.width + x);
  for (let y = 80; y < png.height - 60; y += 2) {
    for (let x = 2; x < png.width - 2; x += 2) {
      let all = true;
      for (let dy = -2; dy <= 2 && all; dy++) for (let dx = -2; dx <= 2 && all; dx++) all = near(at(x + dx, y + dy));
      if (all) return { x, y };
    }
  }
  throw new Error('no copied edge found in the graph');
}

describe('who copied whom', () => {
  it('the graph: an edge opens its strongest pair side by side, copier left and source right; the graph widens', async () => {
    const graph = await apiQuery<{ edges: Edge[]; total: number; minChars: number }>(h, 'reuse.copyGraph', { edges: 20 });
    expect(graph.edges.length).toBeGreaterThan(3);
    // The floor of an edge, which the chart states under its title.
    expect(graph.minChars).toBe(150);
    for (const e of graph.edges) expect(e.chars).toBeGreaterThanOrEqual(graph.minChars);
    expect(graph.edges.some((e) => e.kind === 'copied')).toBe(true);
    await h.page.goto(`${h.url}/reuse`);
    const chart = h.page.getByTestId('chart-copy-graph');
    await chart.locator('canvas').first().waitFor();
    await expect.poll(async () => (await chart.getAttribute('aria-label')) ?? '').toContain('单位间抄用关系');
    await h.page.waitForTimeout(500); // the first frame of the graph
    await shot('reuse-graph-1366');

    const point = await pointOnEdge();
    await chart.click({ position: point });
    await h.page.waitForURL(/\/compare\?a=\d+&b=\d+/);
    const params = new URL(h.page.url()).searchParams;
    const pair = { a: Number(params.get('a')), b: Number(params.get('b')) };
    const edge = graph.edges.find((e) => e.strongest.a === pair.a && e.strongest.b === pair.b);
    expect(edge, `${pair.a}→${pair.b} is an edge's strongest pair`).toBeDefined();
    const side = await apiQuery<{ left: { id: number; unit: string }; right: { id: number; unit: string }; relation: string; passages: unknown[] }>(h, 'compare.pair', pair);
    expect(side.relation).toBe('earlier');
    expect([side.left.unit, side.right.unit]).toEqual([edge!.from, edge!.to]);
    await expect.poll(() => h.page.getByTestId('compare-left').innerText()).toContain('抄用方（较晚报送）');
    await expect.poll(() => h.page.getByTestId('compare-right').innerText()).toContain('来源（较早报送，被抄）');
    expect(await h.page.getByTestId('compare-right').innerText()).toContain(edge!.to);
    const rows = h.page.getByTestId('compare-passages').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(side.passages.length);
    await shot('reuse-compare-from-edge');

    // Wider: the strongest 40 edges, as the API gives them.
    const wider = await apiQuery<{ edges: Edge[] }>(h, 'reuse.copyGraph', { edges: 40 });
    await h.page.goto(`${h.url}/reuse`);
    await h.page.getByTestId('graph-size').getByText('最强 40 条').click();
    const sum = wider.edges.reduce((n, e) => n + e.chars, 0);
    await expect.poll(() => h.page.getByTestId('copy-graph-card').innerText()).toContain(`合计 ${sum.toLocaleString('zh-CN')} 字`);
  });

  it('the most-copied table: 对照 opens the report with the source it took most from', async () => {
    const reports = await apiQuery<Array<{ id: number; sourceId: number | null }>>(h, 'reuse.mostCopiedReports', {});
    expect(reports[0]!.sourceId).not.toBeNull();
    await h.page.goto(`${h.url}/reuse`);
    const link = h.page.getByTestId('most-copied').getByRole('link', { name: '对照' }).first();
    expect(await link.getAttribute('href')).toBe(`/compare?a=${reports[0]!.id}&b=${reports[0]!.sourceId}`);
    await link.click();
    await h.page.getByTestId('compare-passages').locator('tbody tr.ant-table-row').first().waitFor();
  });

  it('the template library: each text with the reports that used it; an upload marks the stored reports', async () => {
    const list = await apiQuery<Array<{ id: number; title: string; kind: string; reports: number }>>(h, 'templates.list', {});
    expect(list.map((t) => t.kind).sort()).toEqual(['directive', 'model', 'model', 'model']);
    const used = list.find((t) => t.reports > 0)!;
    await h.page.goto(`${h.url}/templates?id=${used.id}`);
    const uses = h.page.getByTestId(`template-uses-${used.id}`).locator('tbody tr.ant-table-row');
    await uses.first().waitFor();
    expect(await uses.count()).toBe(Math.min(10, used.reports));
    const table = h.page.getByTestId('template-table');
    for (const t of list) await expect.poll(() => table.innerText()).toContain(t.title);
    await shot('templates-1366');

    // A report's paragraph, saved from a "template site": added afterwards, it marks that report.
    const [report] = (await apiQuery<{ rows: Array<{ id: number }> }>(h, 'reports.list', { page: 1, pageSize: 1, unit: '市统计局' })).rows;
    const detail = await apiQuery<{ text: string }>(h, 'reports.get', { id: report!.id });
    const paragraph = detail.text.split('\n').filter((p) => p.length > 150).at(-1)!;
    await h.page.getByTestId('template-upload').getByPlaceholder(/如：/).fill('浏览器上传的范文');
    await h.page.getByTestId('template-upload').locator('input[type=file]').setInputFiles({ name: '范文.txt', mimeType: 'text/plain', buffer: Buffer.from(`某局工作总结范文\n${paragraph}\n`) });
    await h.page.getByRole('button', { name: /加入范文库/ }).click();
    await expect.poll(() => h.page.getByTestId('template-upload-result').innerText()).toMatch(/已加入《浏览器上传的范文》，\d+ 份已入库报告取用了其中的文字/);
    const after = await apiQuery<Array<{ title: string; reports: number }>>(h, 'templates.list', {});
    expect(after.find((t) => t.title === '浏览器上传的范文')!.reports).toBeGreaterThanOrEqual(1);
    const reuse = await apiQuery<{ spans: Array<{ kind: string; sources: Array<{ title?: string }> }> }>(h, 'reports.reuse', { id: report!.id });
    expect(reuse.spans.some((s) => s.kind === 'template' && s.sources.some((x) => x.title === '浏览器上传的范文'))).toBe(true);
    await shot('templates-after-upload');
  });

  it('the report view: each kind of reused text in its colour, a template span naming its template', async () => {
    // A demo report that took a model essay's paragraph, and copied or shared text with another unit.
    const row = await h.db
      .selectFrom('reuse_spans as s')
      .innerJoin('reuse_template_sources as o', 'o.span_id', 's.id')
      .innerJoin('templates as t', 't.id', 'o.template_id')
      .where('t.kind', '=', 'model')
      .where('t.title', '!=', '浏览器上传的范文')
      .select(['s.report_id', 't.title'])
      .orderBy('s.report_id')
      .executeTakeFirstOrThrow();
    await h.page.goto(`${h.url}/reports/${row.report_id}`);
    const model = h.page.locator('.reuse-model').first();
    await model.waitFor();
    expect(await model.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(217, 247, 190)');
    await model.hover();
    await expect.poll(() => h.page.locator('.ant-tooltip').last().innerText()).toContain(`套用范文：《${row.title}》`);
    for (const [kind, colour] of [
      ['copied', 'rgb(255, 216, 191)'],
      ['shared', 'rgb(255, 241, 184)'],
      ['directive', 'rgb(181, 245, 236)'],
      ['stock', 'rgb(230, 244, 255)'],
    ] as const) {
      await expect.poll(() => h.page.getByTestId(`legend-${kind}`).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(colour);
    }
    await shot('report-reuse-colours');

    // An original: the earlier report of a planted copy shows who took it, underlined, in no rate.
    const original = await h.db.selectFrom('reuse_spans').select('report_id').where('kind', '=', 'original').orderBy('end', 'desc').executeTakeFirstOrThrow();
    await h.page.goto(`${h.url}/reports/${original.report_id}`);
    const span = h.page.locator('.reuse-original').first();
    await span.waitFor();
    expect(await span.evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('dashed');
    await span.hover();
    await expect.poll(() => h.page.locator('.ant-tooltip').last().innerText()).toContain('被其抄用');
    await shot('report-original');
  });
});

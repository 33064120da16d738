// Intake as a committee's Monday pile arrives: the five samples without a manifest (the one that names its
// unit filed under it, the others pending, none refused); a unit registry imported from Excel (departments
// from it, units named before it joined to their registry unit, 未报送 judged by each unit's periods);
// assignment bringing a pending report into the comparisons between units; a resubmission that repeats
// its unit's report waiting as a proposed correction.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../server/db/connection.js';
import { assignReport } from '../../server/intake/assign.js';
import { ingestBatch, type BatchSource } from '../../server/intake/batch.js';
import { importRegistryFile } from '../../server/intake/registry.js';
import { listUnits } from '../../server/intake/units.js';
import { getPendingQueue, listReportProvenance } from '../../server/queries/intake.js';
import { getMissingSubmissions } from '../../server/queries/overview.js';
import { getUnitComparison } from '../../server/queries/units.js';
import { getReportReuse } from '../../server/reuse/index.js';
import { reportText } from '../fixtures/batch.js';
import { seedSampleFiles } from '../shared-material.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const source = (fileName: string, bytes: Uint8Array, extra: Partial<BatchSource> = {}): BatchSource => ({ label: fileName, read: async () => ({ fileName, bytes }), ...extra });
const samples = () => seedSampleFiles().map((f) => source(path.basename(f), fs.readFileSync(f)));

async function registryXlsx(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名录');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the five samples without a manifest or registry', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(':memory:');
  });
  afterAll(() => db.destroy());

  it('stores all five: 004 under the unit its text names, with the span; the four that name none pending', async () => {
    const summary = await ingestBatch(db, samples());
    expect(summary).toMatchObject({ ingested: 5, pending: 4, duplicates: 0, failed: [] });
    const lines = await listReportProvenance(db);
    const named = lines.find((l) => l.file === '004_c90756f4e004ce61.txt')!;
    expect(named).toMatchObject({ unit: '市委老干部局', status: 'ok', year: 2023, period: 'annual', meta_source: { unit: 'text', year: 'title', period: 'title' } });
    const text = fs.readFileSync(seedSampleFiles()[4]!, 'utf8');
    expect(text.slice(named.unit_evidence!.start, named.unit_evidence!.end)).toBe('市委老干部局');
    const pending = lines.filter((l) => l.status === 'pending');
    expect(pending.map((l) => l.file)).toEqual(['000_c4e7c675f812d522.txt', '001_1973e543c9b997a8.txt', '002_8c8fbbd32e8bfde7.txt', '003_acd45be5079132d5.txt']);
    for (const l of pending) expect(l).toMatchObject({ unit: null, pending_reasons: ['unit'] });
    // Kept out of every comparison between units: the sentinel holder of unknown units is no unit.
    expect((await getUnitComparison(db, {})).map((u) => u.unit)).toEqual(['市委老干部局']);
    expect((await listUnits(db)).map((u) => u.name)).toEqual(['市委老干部局']);
    expect((await getReportReuse(db, pending[0]!.id === '1' ? 1 : Number(pending[0]!.id)))[0]!.spans).toEqual([]);
  }, 120_000);

  it('brings a pending report into the comparisons when it is assigned, its reuse resolved then', async () => {
    const [first] = (await listReportProvenance(db, { pendingOnly: true })).map((l) => Number(l.id));
    const queue = await getPendingQueue(db);
    expect(queue.total).toBe(4);
    const assigned = await assignReport(db, first!, { unit: '市统计局' });
    expect(assigned).toMatchObject({ unit: '市统计局', year: 2022, period: 'H1', status: 'ok' });
    expect((await getUnitComparison(db, {})).map((u) => u.unit).sort()).toEqual(['市委老干部局', '市统计局']);
    // 000 and 002 share whole sentences; once 000 has a unit, its passages are resolved against the corpus.
    const [reuse] = await getReportReuse(db, first!);
    expect(reuse!.spans.length).toBeGreaterThan(0);
    expect((await listReportProvenance(db)).find((l) => Number(l.id) === first)).toMatchObject({ status: 'ok', meta_source: { unit: 'option' } });
    expect((await getPendingQueue(db)).total).toBe(3);
  }, 120_000);
});

describe('a unit registry', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(':memory:');
  });
  afterAll(() => db.destroy());

  it('files reports under registry units through their aliases, and joins units named before the registry knew them', async () => {
    // Before the registry: 市卫健委 is only a name a submission gave.
    const before = await ingestBatch(db, [source('附件1.docx.txt', utf8(reportText('市卫健委', '2023年上半年', 3)))]);
    expect(before).toMatchObject({ ingested: 1, pending: 0 });
    expect((await listUnits(db)).map((u) => [u.name, u.registered])).toEqual([['市卫健委', false]]);

    const xlsx = await registryXlsx([
      ['单位名称', '归口部门', '简称', '曾用名', '级别', '应报期别'],
      ['市卫生健康委员会', '社会事业', '市卫健委', '市卫生局', '市直单位', '全年、上半年'],
      ['市委老干部局', '党群', '', '', '市直单位', '全年'],
      ['', '', '', '', '', ''],
      ['市统计局', '经济', '统计局', '', '市直单位', '年度；每半年'],
    ]);
    const result = await importRegistryFile(db, '名录.xlsx', xlsx);
    expect(result).toMatchObject({ units: 3, added: 3, updated: 0, merged: 1, errors: [] });
    const units = await listUnits(db);
    expect(units.find((u) => u.name === '市卫生健康委员会')).toMatchObject({ department: '社会事业', aliases: ['市卫健委', '市卫生局'], expected: ['annual', 'H1'], registered: true, reports: 1 });
    expect(units.find((u) => u.name === '市统计局')?.expected).toEqual(['annual', 'H1', 'H2']);
    expect(units.map((u) => u.name)).not.toContain('市卫健委');
    // Departments come from the registry.
    expect((await getUnitComparison(db, {})).map((u) => [u.unit, u.department])).toEqual([['市卫生健康委员会', '社会事业']]);

    const after = await ingestBatch(db, [...samples(), source('卫生.txt', utf8(reportText('市卫生局', '2023年度', 4)))]);
    expect(after).toMatchObject({ ingested: 6, pending: 4, failed: [] });
    const lines = await listReportProvenance(db);
    expect(lines.find((l) => l.file === '004_c90756f4e004ce61.txt')).toMatchObject({ unit: '市委老干部局', department: '党群', meta_source: { unit: 'registry' } });
    expect(lines.find((l) => l.file === '卫生.txt')).toMatchObject({ unit: '市卫生健康委员会', department: '社会事业', meta_source: { unit: 'registry' } });
  }, 120_000);

  it('judges 未报送 by the periods each unit must report', async () => {
    // H1 2023 is the period collected: 市委老干部局 reports once a year and is not missing it.
    // A unit outside the registry, only named by a text (an earlier year's submission), owes nothing.
    expect(await ingestBatch(db, [source('园林.txt', utf8(reportText('市园林绿化局', '2022年上半年', 2)))])).toMatchObject({ ingested: 1, pending: 0 });
    expect((await listUnits(db)).find((u) => u.name === '市园林绿化局')?.registered).toBe(false);
    const missing = await getMissingSubmissions(db, { year: 2023, period: 'H1' });
    expect(missing.basis).toBe('registry');
    expect(missing.units.map((u) => u.name)).toEqual(['市统计局']);
    expect((await getMissingSubmissions(db, { year: 2023, period: 'annual' })).units.map((u) => u.name).sort()).toEqual(['市统计局']);
  });

  it('names the rows it cannot read and keeps the others', async () => {
    const csv = utf8('name,department,aliases,level,expected\n市档案馆,党群,市档案局,市直单位,annual;H1\n,党群,,,\n市审计局,经济,市卫健委,市直单位,每旬\n');
    const r = await importRegistryFile(db, 'units.csv', csv);
    // One bad row fails that row only.
    expect(r).toMatchObject({ units: 1, added: 1 });
    expect(r.errors).toEqual(['第 3 行：缺少单位名称', '第 4 行（市审计局）：应报期别“每旬”无法识别，已忽略', '市审计局：别名“市卫健委”已属于另一单位，该单位未导入']);
    expect((await listUnits(db)).find((u) => u.name === '市档案馆')).toMatchObject({ aliases: ['市档案局'], expected: ['annual', 'H1'] });
  });
});

describe('a resubmission', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(':memory:');
  });
  afterAll(() => db.destroy());

  it('that repeats most of the unit’s report for the period waits as its proposed corrected version', async () => {
    const text = reportText('市审计局', '2024年上半年', 7);
    const first = await ingestBatch(db, [source('市审计局2024年上半年意识形态工作总结.txt', utf8(text))]);
    const firstId = first.results[0]!.status === 'stored' ? first.results[0]!.reportId : -1;
    const corrected = text.replace('召开意识形态工作专题会议7次', '召开意识形态工作专题会议8次');
    const second = await ingestBatch(db, [source('市审计局2024年上半年意识形态工作总结（修改）.txt', utf8(corrected))]);
    expect(second).toMatchObject({ ingested: 1, pending: 1, resubmissions: [{ replaces: firstId }] });
    expect(second.resubmissions[0]!.share).toBeGreaterThanOrEqual(0.8);
    const newId = second.resubmissions[0]!.report;
    expect((await listReportProvenance(db, { pendingOnly: true })).map((l) => [l.id, l.pending_reasons, l.resubmission_of])).toEqual([[String(newId), ['resubmission'], String(firstId)]]);
    expect((await getUnitComparison(db, {}))[0]!.reports).toBe(1);

    const decided = await assignReport(db, newId, { correction: true });
    expect(decided).toMatchObject({ status: 'ok', replaced: firstId });
    const lines = await listReportProvenance(db);
    expect(lines.find((l) => l.id === String(firstId))?.superseded_by).toBe(String(newId));
    expect((await getUnitComparison(db, {}))[0]!.reports).toBe(1);
  }, 120_000);
});

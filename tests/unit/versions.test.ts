// Nothing is lost: a corrected version replaces a report in every view while the earlier version and its
// analysis stay reachable; a deleted report leaves the views and comes back when restored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection.js';
import { ingestSubmission } from '../../server/intake/ingest.js';
import { getReport, listReports, setReportDeleted } from '../../server/queries/reports.js';
import { openFreshDb } from '../test-db.js';

let db: Db;
beforeAll(async () => {
  db = await openFreshDb();
});
afterAll(async () => {
  await db.destroy();
});

const report = (body: string) =>
  new TextEncoder().encode(`市统计局2023年上半年意识形态工作总结\n一、主要做法\n${body}\n二、存在的问题\n一是理论学习不够深入。\n`);
const FILE = '市统计局2023年上半年意识形态工作总结.txt';

describe('corrections and soft deletion', () => {
  it('stores a correction as the current version and keeps the earlier one reachable', async () => {
    const first = await ingestSubmission(db, { fileName: FILE, bytes: report('开展专题学习XX次。'), meta: { department: '经济' } });
    expect(first.status).toBe('stored');
    const firstId = (first as { reportId: number }).reportId;
    const fixed = await ingestSubmission(db, { fileName: FILE, bytes: report('开展专题学习4次。'), correction: true });
    expect(fixed).toMatchObject({ status: 'stored', replaced: firstId });
    const fixedId = (fixed as { reportId: number }).reportId;

    const list = await listReports(db, { page: 1, pageSize: 20 });
    expect(list.rows.map((r) => r.id)).toEqual([fixedId]);
    const earlier = await getReport(db, firstId);
    expect(earlier?.supersededBy).toBe(fixedId);
    expect(earlier?.placeholders.length).toBeGreaterThan(0); // its analysis is still there
    expect((await getReport(db, fixedId))?.earlierVersions.map((v) => v.id)).toEqual([firstId]);
  });

  it('a second upload that mostly repeats the first, without the correction mark, waits as its likely corrected version', async () => {
    const current = (await listReports(db, { page: 1, pageSize: 20 })).rows[0]!.id;
    const other = await ingestSubmission(db, { fileName: FILE, bytes: report('开展专题学习5次。') });
    expect(other).toMatchObject({ status: 'stored', pending: true, resubmissionOf: { reportId: current } });
    expect(other).not.toHaveProperty('replaced');
    expect((other as { resubmissionOf: { share: number } }).resubmissionOf.share).toBeGreaterThanOrEqual(0.8);
    expect((await listReports(db, { page: 1, pageSize: 20 })).total).toBe(1);
  });

  it('a second report of the same unit and period that says something else is stored beside the first', async () => {
    const other = await ingestSubmission(db, {
      fileName: '市统计局2023年上半年意识形态工作专项报告.txt',
      bytes: new TextEncoder().encode('市统计局2023年上半年网络意识形态专项报告\n一、网络阵地管理\n全局微信公众号、门户网站实行三审三校，排查处置负面舆情3起。\n二、下一步打算\n完善舆情应急预案，加强网评员队伍建设。\n'),
    });
    expect(other).toMatchObject({ status: 'stored', pending: false });
    expect((await listReports(db, { page: 1, pageSize: 20 })).total).toBe(2);
  });

  it('a deleted report leaves every list and comes back when restored', async () => {
    const { rows } = await listReports(db, { page: 1, pageSize: 20 });
    const id = rows[0]!.id;
    expect(await setReportDeleted(db, id, 'admin')).toBe(true);
    expect((await listReports(db, { page: 1, pageSize: 20 })).rows.map((r) => r.id)).not.toContain(id);
    expect((await getReport(db, id))?.deletedBy).toBe('admin');
    expect(await setReportDeleted(db, id, null)).toBe(true);
    expect((await listReports(db, { page: 1, pageSize: 20 })).rows.map((r) => r.id)).toContain(id);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gbk, makeZip, reportDocx, REPORT_DOCX_TEXT } from '../../tests/fixtures/submissions.js';
import { decodeReport, expandArchive } from './index.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const REPORT = '一、工作开展情况\n局党组召开专题会议3次。';

describe('expandArchive', () => {
  it('decodes GBK entry names (Chinese Windows, no UTF-8 flag) and keeps folders in the path', async () => {
    const zip = makeZip([
      { name: gbk('2023年上半年/市统计局2023年上半年意识形态工作总结.txt'), data: gbk(REPORT) },
      { name: gbk('2023年上半年/'), data: new Uint8Array(0), method: 0 },
      { name: gbk('2023年上半年/市委办/报告.docx'), data: reportDocx() },
    ]);
    const { entries, refused } = await expandArchive(zip);
    expect(refused).toEqual([]);
    expect(entries.map((e) => e.path)).toEqual(['2023年上半年/市统计局2023年上半年意识形态工作总结.txt', '2023年上半年/市委办/报告.docx']);
    const [txt, docx] = entries;
    expect(await decodeReport(txt!.bytes, txt!.path)).toMatchObject({ text: REPORT, encoding: 'gb18030' });
    expect((await decodeReport(docx!.bytes, docx!.path)).text).toBe(REPORT_DOCX_TEXT);
  });

  it('decodes UTF-8 names with the flag (string names) and without it (macOS, Linux zip)', async () => {
    const zip = makeZip([
      { name: '某局报告.txt', data: utf8(REPORT) },
      { name: utf8('文件夹/另一份报告.txt'), data: utf8(REPORT) },
    ]);
    expect((await expandArchive(zip)).entries.map((e) => e.path)).toEqual(['某局报告.txt', '文件夹/另一份报告.txt']);
  });

  it('refuses entries whose path leaves the target, by name, and keeps the others', async () => {
    const zip = makeZip([
      { name: '../../etc/报告.txt', data: utf8(REPORT) },
      { name: '/tmp/报告.txt', data: utf8(REPORT) },
      { name: 'C:/Windows/报告.txt', data: utf8(REPORT) },
      { name: gbk('a\\..\\..\\报告.txt'), data: utf8(REPORT) },
      { name: '正常/报告.txt', data: utf8(REPORT) },
    ]);
    const { entries, refused } = await expandArchive(zip);
    expect(entries.map((e) => e.path)).toEqual(['正常/报告.txt']);
    expect(refused.map((r) => r.path)).toEqual(['../../etc/报告.txt', '/tmp/报告.txt', 'C:/Windows/报告.txt', 'a/../../报告.txt']);
    expect(refused[0]!.reason).toMatch(/跳出解压目录/);
    expect(refused[1]!.reason).toMatch(/绝对路径/);
    expect(refused[2]!.reason).toMatch(/绝对路径/);
  });

  it('refuses an encrypted entry by name without reading it', async () => {
    const zip = makeZip([
      { name: '加密报告.txt', data: utf8(REPORT), encrypted: true },
      { name: '报告.txt', data: utf8(REPORT) },
    ]);
    const { entries, refused } = await expandArchive(zip);
    expect(entries.map((e) => e.path)).toEqual(['报告.txt']);
    expect(refused).toEqual([{ path: '加密报告.txt', reason: expect.stringMatching(/已加密/) }]);
  });

  it('refuses a zip bomb from its declared ratio, before inflating it', async () => {
    const zeros = new Uint8Array(50 * 1024 * 1024); // deflates to ~50 KB: ratio ~1000:1
    const zip = makeZip([{ name: 'bomb.txt', data: zeros }, { name: '报告.txt', data: utf8(REPORT) }]);
    const started = Date.now();
    const { entries, refused } = await expandArchive(zip);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(entries.map((e) => e.path)).toEqual(['报告.txt']);
    expect(refused[0]).toMatchObject({ path: 'bomb.txt', reason: expect.stringMatching(/压缩炸弹/) });
  });

  it('stops inflating an entry whose header understates its size (the bomb that lies)', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const zip = makeZip([{ name: 'liar.txt', data: zeros, declaredSize: 1000, precompressed: zlib.deflateRawSync(zeros) }]);
    const { entries, refused } = await expandArchive(zip);
    expect(entries).toEqual([]);
    expect(refused[0]).toMatchObject({ path: 'liar.txt', reason: expect.stringMatching(/超过文件头声明的大小/) });
  });

  it('enforces the total unpacked size and the entry count', async () => {
    const page = utf8('报告正文。'.repeat(20000)); // 300 KB, modest ratio
    const zip = makeZip([1, 2, 3].map((i) => ({ name: `报告${i}.txt`, data: page })));
    const { entries, refused } = await expandArchive(zip, { maxTotalBytes: 700 * 1024 });
    expect(entries.map((e) => e.path)).toEqual(['报告1.txt', '报告2.txt']);
    expect(refused).toEqual([{ path: '报告3.txt', reason: expect.stringMatching(/总大小超过/) }]);
    await expect(expandArchive(zip, { maxEntries: 2 })).rejects.toThrow(/3 个条目，超过 2 个/);
  });

  it('skips __MACOSX, dot-files and Office lock files; refuses other types with the reason', async () => {
    const zip = makeZip([
      { name: '__MACOSX/._报告.txt', data: new Uint8Array([0, 5, 22, 7]) },
      { name: '.DS_Store', data: new Uint8Array([0, 0, 0, 1]) },
      { name: '~$报告.docx', data: new Uint8Array(162) },
      { name: '统计表.xls', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) },
      { name: '照片.gif', data: new Uint8Array([0x47, 0x49, 0x46, 0x38]) },
      { name: '报告.txt', data: utf8(REPORT) },
    ]);
    const { entries, refused } = await expandArchive(zip);
    expect(entries.map((e) => e.path)).toEqual(['报告.txt']);
    expect(refused.map((r) => r.path)).toEqual(['统计表.xls', '照片.gif']);
    expect(refused[0]!.reason).toMatch(/不支持的文件类型“\.xls”/);
    expect(refused[1]!.reason).toMatch(/不支持 \.gif 图片/);
  });

  it('opens a zip inside the zip (one level) and refuses a deeper one', async () => {
    const deepest = makeZip([{ name: '最深.txt', data: utf8(REPORT) }]);
    const inner = makeZip([
      { name: gbk('内层报告.txt'), data: gbk(REPORT) },
      { name: '更深.zip', data: deepest, method: 0 },
    ]);
    const outer = makeZip([{ name: '各单位/第一批.zip', data: inner, method: 0 }]);
    const { entries, refused } = await expandArchive(outer);
    expect(entries.map((e) => e.path)).toEqual(['各单位/第一批.zip/内层报告.txt']);
    expect(refused).toEqual([{ path: '各单位/第一批.zip/更深.zip', reason: expect.stringMatching(/嵌套超过一层/) }]);
  });

  it('refuses a truncated or empty archive as a whole, and reads one from a path', async () => {
    const zip = makeZip([{ name: '报告.txt', data: utf8(REPORT) }]);
    await expect(expandArchive(zip.subarray(0, zip.length - 30))).rejects.toThrow(/不完整或已损坏/);
    await expect(expandArchive(new Uint8Array(0))).rejects.toThrow(/文件为空/);
    await expect(expandArchive(makeZip([]))).rejects.toThrow(/没有文件/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-zip-'));
    try {
      const file = path.join(dir, '上传.zip');
      fs.writeFileSync(file, zip);
      expect((await expandArchive(file)).entries.map((e) => e.path)).toEqual(['报告.txt']);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});

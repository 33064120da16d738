// What an archive may cost: a zip of many small entries of zeros (each under the 1 MB the per-entry
// ratio check starts at) must not unpack to a hundred megabytes, and a symbolic link stored in a zip is
// not a report.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeZip } from '../../tests/fixtures/submissions.js';
import { seedSampleFiles } from '../../tests/shared-material.js';
import { expandArchive } from './index.js';

const REPORT = new TextEncoder().encode('一、工作开展情况\n局党组召开专题会议3次。');

describe('archive quotas', () => {
  it('stops a zip of 150 × 1 MB entries of zeros near 100× its own size, entry by entry, and lets real reports through', async () => {
    const mb = new Uint8Array(1024 * 1024);
    const zip = makeZip(Array.from({ length: 150 }, (_, i) => ({ name: `填充${i}.txt`, data: mb })));
    expect(zip.length).toBeLessThan(400 * 1024);
    const { entries, refused } = await expandArchive(zip);
    const unpacked = entries.reduce((n, e) => n + e.bytes.length, 0);
    // At least 16 MB may always come out of an archive; this one is allowed 100× its size, no more.
    expect(unpacked).toBeLessThanOrEqual(Math.max(16 * 1024 * 1024, zip.length * 100));
    expect(entries.length + refused.length).toBe(150);
    expect(refused.length).toBeGreaterThan(100);
    expect(refused[0]!.reason).toMatch(/^压缩包解压后的总大小超过 [\d.]+ MB 的上限，此文件未解压$/);

    // The real sample reports, zipped as a unit would: all of them come out.
    const samples = seedSampleFiles().map((f) => ({ name: path.basename(f), data: new Uint8Array(fs.readFileSync(f)) }));
    const real = await expandArchive(makeZip(samples));
    expect(real.refused).toEqual([]);
    expect(real.entries.map((e) => e.bytes.length)).toEqual(samples.map((s) => s.data.length));
  });

  it('refuses a symbolic link stored by a Unix zip, by name, and keeps the files beside it', async () => {
    const zip = makeZip([
      { name: '市统计局报告.txt', data: new TextEncoder().encode('/etc/passwd'), unixMode: 0o120777 },
      { name: '市财政局报告.txt', data: REPORT, unixMode: 0o100644 },
    ]);
    const { entries, refused } = await expandArchive(zip);
    expect(entries.map((e) => e.path)).toEqual(['市财政局报告.txt']);
    expect(refused).toEqual([{ path: '市统计局报告.txt', reason: expect.stringMatching(/符号链接/) }]);
  });
});

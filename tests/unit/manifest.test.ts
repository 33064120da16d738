import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectSubmissions } from '../../server/intake/collect.js';
import { parseCsv, readManifest } from '../../server/intake/manifest.js';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
  });
});

describe('manifest and collection', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-manifest-'));
  fs.writeFileSync(path.join(dir, 'a.txt'), '报告甲');
  fs.writeFileSync(path.join(dir, 'notes.md'), '说明');
  fs.writeFileSync(
    path.join(dir, 'manifest.csv'),
    'file,unit,department,year,period,title,source\na.txt,市甲局,党群,2023,H1,甲局报告,http://example\nmissing.txt,市乙局,党群,2023,H1,乙局报告,\n',
  );

  it('reads metadata and keeps extra columns', () => {
    const rows = readManifest(path.join(dir, 'manifest.csv'));
    expect(rows[0]).toMatchObject({ meta: { unit: '市甲局', department: '党群', year: 2023, period: 'H1', title: '甲局报告' }, extra: { source: 'http://example' } });
  });

  it('uses a folder manifest, skips non-report files and names missing files', () => {
    const { files, failed } = collectSubmissions([dir]);
    expect(files.map((f) => f.fileName)).toEqual(['a.txt']);
    expect(files[0]!.meta?.unit).toBe('市甲局');
    expect(failed).toEqual([{ file: path.join(dir, 'missing.txt'), error: '清单中列出的文件不存在' }]);
  });

  it('refuses a manifest with a bad period', () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'file,unit,year,period\na.txt,甲,2023,spring\n');
    expect(() => readManifest(bad)).toThrow(/period/);
  });
});

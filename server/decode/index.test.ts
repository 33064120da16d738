import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { metaFromFileName } from '../analyze/meta.js';
import { gbk, makeCjkPdf, makeZip } from '../../tests/fixtures/submissions.js';
import { PROVINCES_DIR, provinceCorpusAvailable, seedSampleFiles } from '../../tests/shared-material.js';
import { DecodeError, decodeReport } from './index.js';

const REPORT = 'XX局2023年上半年意识形态工作总结\n一、工作开展情况\n（一）加强组织领导。局党组召开专题会议3次。';

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const body = Buffer.from(s, 'utf16le');
  if (!le) body.swap16();
  return new Uint8Array(Buffer.concat([bom ? Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), body]));
}

describe('decodeReport: text files', () => {
  it('reads UTF-8 (with and without BOM), GBK and UTF-16 (LE/BE, BOM or not)', async () => {
    const utf8 = new TextEncoder().encode(REPORT);
    const cases: Array<[Uint8Array, string]> = [
      [utf8, 'utf-8'],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'utf-8'],
      [gbk(REPORT), 'gb18030'],
      [utf16(REPORT, true, true), 'utf-16'],
      [utf16(REPORT, false, true), 'utf-16'],
      [utf16(REPORT, true, false), 'utf-16'],
    ];
    for (const [bytes, encoding] of cases) expect(await decodeReport(bytes, '报告.txt')).toEqual({ text: REPORT, encoding, warnings: [], ocr: null });
  });

  it('stores CRLF text with LF, nothing else changed', async () => {
    const r = await decodeReport(gbk(REPORT.replace(/\n/g, '\r\n')), '报告.TXT');
    expect(r.text).toBe(REPORT);
  });

  it('reads every seed sample unchanged', async () => {
    for (const file of seedSampleFiles()) {
      const bytes = new Uint8Array(fs.readFileSync(file));
      expect((await decodeReport(bytes, file)).text).toBe(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
    }
  });

  it('names what a binary file renamed .txt really is', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(decodeReport(png, '报告.txt')).rejects.toThrow('文件扩展名是 .txt，但内容实际是图片');
    await expect(decodeReport(makeZip([{ name: 'a.txt', data: gbk(REPORT) }]), '报告.txt')).rejects.toThrow(/内容实际是ZIP 压缩包/);
    await expect(decodeReport(makeCjkPdf([[{ x: 72, y: 700, text: '报告' }]]), '报告.txt')).rejects.toThrow(/内容实际是PDF 文件/);
    const elf = new Uint8Array(64);
    elf.set([0x7f, 0x45, 0x4c, 0x46]);
    await expect(decodeReport(elf, '报告.txt')).rejects.toThrow(/可执行程序/);
  });

  it('refuses binary without a known signature as not text', async () => {
    const noise = new Uint8Array(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256;
    await expect(decodeReport(noise, '报告.txt')).rejects.toBeInstanceOf(DecodeError);
  });

  it('refuses an empty file of any type, and a text file of blanks', async () => {
    for (const name of ['报告.txt', '报告.docx', '报告.pdf']) await expect(decodeReport(new Uint8Array(0), name)).rejects.toThrow('文件为空');
    await expect(decodeReport(new TextEncoder().encode(' \n\n　'), '报告.txt')).rejects.toThrow('文件没有文字内容');
  });
});

describe('decodeReport: other types', () => {
  it('refuses unknown types, other archives, and a .zip given as a single report', async () => {
    await expect(decodeReport(new Uint8Array([1]), '报告.xlsx')).rejects.toThrow('不支持的文件类型“.xlsx”，请提交 Word（.docx/.doc）、WPS（.wps）、RTF、OFD、PDF（含扫描件）、扫描图片（.jpg/.png/.tif）或文本（.txt）文件（可打包为 .zip）');
    await expect(decodeReport(new Uint8Array([1]), '报告')).rejects.toThrow('不支持的文件类型“无扩展名”');
    await expect(decodeReport(new Uint8Array([1]), '报告.rar')).rejects.toThrow(/改用 \.zip/);
    await expect(decodeReport(new Uint8Array([1]), '批量.zip')).rejects.toThrow(/压缩包/);
  });
});

describe('file-name metadata of the fixtures', () => {
  it('takes year and period from a .docx name and no unit from the XX局 placeholder', () => {
    expect(metaFromFileName('XX局2023年上半年意识形态工作总结.docx')).toMatchObject({ unit: null, year: 2023, period: 'H1' });
    expect(metaFromFileName('2023年上半年/市统计局2023年上半年意识形态工作总结.txt')).toMatchObject({ unit: '市统计局', year: 2023, period: 'H1' });
  });
});

describe('decodeReport on the province corpus', () => {
  it.skipIf(!provinceCorpusAvailable())('reads all 714 reports back from GBK, UTF-8 and BOM-less UTF-16 bytes', async () => {
    const files = fs.readdirSync(PROVINCES_DIR).filter((f) => f.endsWith('.txt'));
    const wrong: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(PROVINCES_DIR, f), 'utf8').replace(/\r\n/g, '\n');
      // GBK cannot write every character (e.g. some rare names); GB18030 can, and is what we detect.
      const variants: Array<[Uint8Array, string]> = [
        [new Uint8Array(iconv.encode(text, 'gb18030')), 'gb18030'],
        [new TextEncoder().encode(text), 'utf-8'],
        [new Uint8Array(Buffer.from(text, 'utf16le')), 'utf-16'],
      ];
      for (const [bytes, encoding] of variants) {
        const r = await decodeReport(bytes, f);
        if (r.text !== text || r.encoding !== encoding) wrong.push(`${f} as ${encoding}: got ${r.encoding}`);
      }
    }
    expect(files.length).toBeGreaterThan(700);
    expect(wrong).toEqual([]);
  }, 120_000);
});

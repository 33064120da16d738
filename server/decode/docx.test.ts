import { describe, expect, it } from 'vitest';
import { level, listPara, makeDocx, para, REPORT_DOCX_TEXT, reportDocx } from '../../tests/fixtures/submissions.js';
import { formatNumber } from './docx-numbering.js';
import { decodeDocx } from './docx.js';
import { DecodeError, decodeReport } from './index.js';

describe('decodeDocx', () => {
  it('reads the body in order with Word numbering as text, tables as tab-separated rows', async () => {
    expect(await decodeDocx(reportDocx())).toBe(REPORT_DOCX_TEXT);
  });

  it('leaves out headers, footers, footnotes, comments, deletions, field codes, hidden text and the TOC', async () => {
    const text = await decodeDocx(reportDocx());
    for (const absent of ['页眉', '页脚', '脚注', '批注', '删除的话', 'PAGE', '隐藏文字', '……1']) expect(text).not.toContain(absent);
  });

  it('is what decodeReport returns for a .docx, labelled "docx"', async () => {
    const r = await decodeReport(reportDocx(), 'XX局2023年上半年意识形态工作总结.docx');
    expect(r).toEqual({ text: REPORT_DOCX_TEXT, encoding: 'docx', warnings: [], ocr: null });
  });

  it('restarts a list where Word would: a startOverride on a new numId, deeper levels after a shallower one', async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>')}${level(1, 'decimal', '%2.')}${level(2, 'decimalEnclosedCircle', '%3', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
    const body = [
      listPara('甲', 1),
      listPara('甲一', 1, 1),
      listPara('圈一', 1, 2),
      listPara('甲二', 1, 1),
      listPara('乙', 2), // another numId on the same abstract list continues it
      listPara('乙一', 2, 1),
      listPara('圈二', 2, 2), // lvlRestart 0: never restarts
      listPara('重新开始', 3), // startOverride: Word's "restart numbering"
    ].join('');
    expect((await decodeDocx(makeDocx({ body, numbering }))).split('\n')).toEqual([
      '一、甲',
      '1.甲一',
      '① 圈一',
      '2.甲二',
      '二、乙',
      '1.乙一',
      '② 圈二',
      '一、重新开始',
    ]);
  });

  it('renders multi-level templates such as "%1.%2" and start values', async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '第%1章', '<w:suff w:val="space"/>')}` +
      `<w:lvl w:ilvl="1"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [listPara('总则', 1), listPara('目的', 1, 1), listPara('范围', 1, 1)].join('');
    expect(await decodeDocx(makeDocx({ body, numbering }))).toBe('第一章 总则\n1.3 目的\n1.4 范围');
  });

  it('keeps paragraphs without numbering untouched, blank paragraphs dropped', async () => {
    const body = [para('　　第一段。'), para(''), para('第二段。')].join('');
    expect(await decodeDocx(makeDocx({ body }))).toBe('　　第一段。\n第二段。');
  });

  it('refuses a truncated .docx in Chinese', async () => {
    const whole = reportDocx();
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    await expect(decodeReport(cut, '报告.docx')).rejects.toThrow(/Word 文档（\.docx）不完整或已损坏/);
  });

  it('refuses a .docx whose document part is broken XML', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const broken = zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body><w:p>') });
    await expect(decodeReport(broken, '报告.docx')).rejects.toThrow(/word\/document\.xml 不是有效的 XML/);
  });

  it('refuses a .docx with no text (only pictures) and says why', async () => {
    await expect(decodeDocx(makeDocx({ body: para('') }))).rejects.toThrow(/没有文字内容/);
  });

  it('tells a plain zip, a broken old .doc and an encrypted document renamed .docx apart', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    await expect(decodeReport(zipSync({ 'a.txt': strToU8('x') }), '报告.docx')).rejects.toThrow(/普通 ZIP 压缩包/);
    await expect(decodeReport(zipSync({ 'xl/workbook.xml': strToU8('<x/>') }), '报告.docx')).rejects.toThrow(/Excel/);
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    // An old .doc under .docx is read as one (formats.test.ts); this one's container is broken.
    await expect(decodeReport(ole, '报告.docx')).rejects.toThrow(/内部结构已损坏/);
    ole.set(Buffer.from('EncryptedPackage', 'utf16le'), 512);
    await expect(decodeReport(ole, '报告.docx')).rejects.toThrow(/设置了打开密码/);
  });

  it('refuses a crafted .docx with 3,000 nested tables in Chinese (the walk must not overflow the stack), reads 10 nested ones', async () => {
    const nested = (n: number, inner: string): string => '<w:tbl><w:tr><w:tc>'.repeat(n) + inner + '</w:tc></w:tr></w:tbl>'.repeat(n);
    await expect(decodeReport(makeDocx({ body: nested(3000, para('正文')) }), '报告.docx')).rejects.toThrow(/嵌套超过 64 层/);
    // Inline containers (hyperlinks in hyperlinks) are walked the same way.
    const links = '<w:p>' + '<w:hyperlink>'.repeat(3000) + '<w:r><w:t>字</w:t></w:r>' + '</w:hyperlink>'.repeat(3000) + '</w:p>';
    await expect(decodeReport(makeDocx({ body: links }), '报告.docx')).rejects.toBeInstanceOf(DecodeError);
    expect(await decodeDocx(makeDocx({ body: nested(10, para('表格里的正文')) }))).toBe('表格里的正文');
  });

  it('throws DecodeError, never a parser error, for garbage after a zip header', async () => {
    const junk = new Uint8Array(200).fill(7);
    junk.set([0x50, 0x4b, 0x03, 0x04]);
    await expect(decodeReport(junk, '报告.docx')).rejects.toBeInstanceOf(DecodeError);
  });
});

describe('formatNumber', () => {
  it('writes the number formats of Chinese documents as Word does', () => {
    const cn = [1, 2, 10, 11, 19, 20, 21, 99, 100, 105, 110].map((n) => formatNumber(n, 'chineseCounting'));
    expect(cn).toEqual(['一', '二', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十']);
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰');
    expect(formatNumber(10, 'ideographDigital')).toBe('一〇');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(3, 'decimalEnclosedParen')).toBe('⑶');
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
    expect(formatNumber(28, 'upperLetter')).toBe('BB');
    expect(formatNumber(7, 'decimalZero')).toBe('07');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
  });
});

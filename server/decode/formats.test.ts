// Every format a unit sends, read back from fixtures made from our own report text: .doc and .wps saved
// by LibreOffice, RTF (LibreOffice's, and one as WPS writes it in GBK), OFD in three producers' ways with
// a seal, signature and template, and a scan with its seal (a PDF, page images, a PDF whose last page is
// scanned), read by OCR.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeOfd } from '../../tests/fixtures/ofd.js';
import { FORMAT_UNITS, formatFixture, formatReportText, ocrReady, rasterise, scanPageImage } from '../../tests/fixtures/formats/reports.js';
import { gbk, makeCjkPdf, makeScannedPdf, makeZip, type PdfLine, REPORT_DOCX_TEXT } from '../../tests/fixtures/submissions.js';
import { PROVINCES_DIR, provinceCorpusAvailable, seedSampleFiles } from '../../tests/shared-material.js';
import { chineseCharacters, cjkInOrder } from '../../tests/text-accuracy.js';
import { imageToPdf } from './images.js';
import { DecodeError, decodeReport } from './index.js';
import { normalizeOcrPunctuation, OcrBudget, redChannel } from './ocr.js';
import { expandDeltas } from './ofd.js';

const OCR = await ocrReady();
const SCAN_TEXT = formatReportText(FORMAT_UNITS.scan);
/** What page 2 of the scan holds: from the second section's first paragraph to the date. */
const SCAN_PAGE2 = SCAN_TEXT.slice(SCAN_TEXT.indexOf('一是理论学习'));

/** The .doc fixture with its WordDocument stream renamed: an OLE file Word's reader finds nothing in. */
function withoutWordStream(bytes: Uint8Array): Uint8Array {
  const copy = Buffer.from(bytes);
  const name = Buffer.from('WordDocument', 'utf16le');
  copy.set(Buffer.from('WpsxDocument', 'utf16le'), copy.indexOf(name));
  return new Uint8Array(copy);
}

describe('.doc and .wps', () => {
  it('reads a Word 97–2003 document back with its list numbering (一、 （一）), paragraphs and table', async () => {
    const r = await decodeReport(formatFixture('report.doc'), '市民宗局2023年度落实意识形态工作责任制情况报告.doc');
    expect(r).toEqual({ text: formatReportText(FORMAT_UNITS.doc, true), encoding: 'doc', warnings: [], ocr: null });
  });

  it('reads a .wps in the Word 97 format, and a .doc saved under .docx or .wps for what it is', async () => {
    const wps = await decodeReport(formatFixture('report.wps'), '报告.wps');
    expect(wps).toMatchObject({ text: formatReportText(FORMAT_UNITS.wps, true), encoding: 'wps' });
    expect((await decodeReport(formatFixture('report.doc'), '报告.docx')).encoding).toBe('doc');
  });

  it('names the .wps it cannot read and says to save it as .docx', async () => {
    await expect(decodeReport(withoutWordStream(formatFixture('report.wps')), '各单位/市供销社总结.wps')).rejects.toThrow(
      '无法读取 WPS 文档“市供销社总结.wps”：它不是 Word 97–2003 兼容格式（可能是早期 WPS 专有格式，或文件已损坏）；请在 WPS 文字中打开它，“另存为” .docx（或 .doc）后重新提交',
    );
    await expect(decodeReport(gbk('WPS 2000 私有格式'), '报告.wps')).rejects.toThrow(/无法读取 WPS 文档“报告\.wps”.*另存为” \.docx/);
  });

  it('refuses a crafted .doc whose sector chain loops, instead of following it forever', async () => {
    const b = Buffer.from(formatFixture('report.doc'));
    // The directory's chain: its first sector points to a second, which points back.
    const dir = b.readInt32LE(48);
    const fat = (b.readInt32LE(76) + 1) * 512;
    b.writeInt32LE(dir + 1, fat + dir * 4);
    b.writeInt32LE(dir, fat + (dir + 1) * 4);
    await expect(decodeReport(new Uint8Array(b), '报告.doc')).rejects.toThrow(/无法读取 Word 文档“报告\.doc”/);
  }, 5000);

  it('reads the Word features document saved as .doc and .rtf as the .docx reader does: no table of contents, hidden or deleted text, headers, footnotes or comments; bullets and two-paragraph cells kept', async () => {
    // LibreOffice recomputed the PAGE field (3 in the .docx's cached result) when it saved the copies.
    const expected = REPORT_DOCX_TEXT.replace('专题会议3次', '专题会议1次');
    for (const format of ['doc', 'rtf'] as const) {
      expect((await decodeReport(formatFixture(`word-features.${format}`), `报告.${format}`)).text).toBe(expected);
    }
  });

  it('refuses a password-protected .doc', async () => {
    const b = Buffer.from(formatFixture('report.doc'));
    // FibBase.fEncrypted in the WordDocument stream, which starts with wIdent 0xA5EC at a sector boundary.
    let fib = 512;
    while (b.readUInt16LE(fib) !== 0xa5ec) fib += 512;
    b.writeUInt16LE(b.readUInt16LE(fib + 0x0a) | 0x0100, fib + 0x0a);
    await expect(decodeReport(new Uint8Array(b), '报告.doc')).rejects.toThrow('文档设置了打开密码，无法读取；请取消密码后重新提交');
  });
});

describe('RTF', () => {
  it('reads LibreOffice RTF back: \\uN escapes with their fallbacks, list numbers from \\listtext, the table', async () => {
    expect(await decodeReport(formatFixture('report.rtf'), '报告.rtf')).toEqual({ text: formatReportText(FORMAT_UNITS.rtf, true), encoding: 'rtf', warnings: [], ocr: null });
  });

  it('reads GBK bytes under \\ansicpg936 and \\fcharset134, \\uc2 fallbacks, and skips what is not body text', async () => {
    const hex = (s: string): string => Array.from(gbk(s), (b) => `\\'${b.toString(16)}`).join('');
    const rtf = [
      String.raw`{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 ${hex('宋体')};}{\f1\fswiss\fcharset0 Arial;}}`,
      String.raw`{\colortbl ;\red255\green0\blue0;}{\stylesheet{\s1 heading 1;}}{\*\generator WPS Office;}{\info{\title ${hex('标题信息')}}}`,
      String.raw`{\header \pard ${hex('页眉文字')}\par}{\footer \pard ${hex('第1页')}\par}`,
      String.raw`\pard\qc\f0\fs44 ${hex('市人防办意识形态工作总结')}\par`,
      String.raw`\pard\fi640 {\listtext\pard\plain\f0 ${hex('一、')}\tab}${hex('工作开展情况')}\par`,
      String.raw`\pard ${hex('召开专题会议')}\f1 3\f0 ${hex('次')}{\v ${hex('隐藏')}}\uc2\u24320${hex('开')}\u23637${hex('展')}${hex('学习')}\line ${hex('第二行')}\par`,
      String.raw`{\pict\wmetafile8\picw100 0102030405}{\*\shppict{\pict\pngblip 89504e47}}`,
      String.raw`{\field{\*\fldinst HYPERLINK "http://x"}{\fldrslt ${hex('链接文字')}}}\tab ${hex('末尾')}\par}`,
    ].join('\n');
    const r = await decodeReport(new Uint8Array(Buffer.from(rtf, 'latin1')), '报告.rtf');
    expect(r.text).toBe(['市人防办意识形态工作总结', '一、工作开展情况', '召开专题会议3次开展学习', '第二行', '链接文字\t末尾'].join('\n'));
  });

  it('refuses a .rtf that is not RTF', async () => {
    await expect(decodeReport(gbk('这不是RTF'), '报告.rtf')).rejects.toThrow(/内容不是 RTF 文档/);
  });
});

describe('OFD', () => {
  const text = formatReportText(FORMAT_UNITS.ofd);
  const lines = text.split('\n');
  const body = lines.slice(0, -2).join('\n');
  const signature = lines.slice(-2);

  it.each(['line', 'char', 'split'] as const)('reads the text objects of each page in reading order (%s per text object), seal, signature and template left out', async (style) => {
    const ofd = makeOfd(body, { style, signature, template: '内部资料 注意保管' });
    expect(await decodeReport(ofd, '市机关事务局2023年度报告.ofd')).toEqual({ text, encoding: 'ofd', warnings: [], ocr: null });
  });

  it('reads real reports back laid out as OFD: the seed samples exactly, and the province corpus in order with its paragraphs', async () => {
    const paragraphsOf = (file: string): string => fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
    for (const file of seedSampleFiles()) {
      const source = paragraphsOf(file);
      expect((await decodeReport(makeOfd(source), 'a.ofd')).text, file).toBe(source);
    }
    if (!provinceCorpusAvailable()) return;
    const files = fs.readdirSync(PROVINCES_DIR).filter((f) => f.endsWith('.txt')).sort().filter((_, i) => i % 24 === 7);
    let paragraphs = 0;
    let exact = 0;
    for (const f of files) {
      const source = paragraphsOf(path.join(PROVINCES_DIR, f));
      const text = (await decodeReport(makeOfd(source), 'a.ofd')).text;
      expect(chineseCharacters(text), f).toBe(chineseCharacters(source));
      const got = new Set(text.split('\n'));
      paragraphs += source.split('\n').length;
      exact += source.split('\n').filter((p) => got.has(p)).length;
    }
    // Measured 2494 of 2510: the rest are wrapped lines that happen to start like a heading (一、, （三）).
    expect(exact / paragraphs).toBeGreaterThanOrEqual(0.98);
  }, 60_000);

  it('expands the "g" shorthand of DeltaX', () => {
    expect(expandDeltas('g 3 4.2 1 g 2 0.5')).toEqual([4.2, 4.2, 4.2, 1, 0.5, 0.5]);
  });

  it('refuses a zip that is not OFD, a truncated OFD and a page-less one in Chinese', async () => {
    await expect(decodeReport(makeZip([{ name: 'a.txt', data: gbk('x') }]), '报告.ofd')).rejects.toThrow(/不是 OFD 版式文档（找不到 OFD\.xml）/);
    const ofd = makeOfd(body, { signature });
    await expect(decodeReport(ofd.subarray(0, Math.floor(ofd.length / 2)), '报告.ofd')).rejects.toThrow(/OFD 文档（\.ofd）不完整或已损坏/);
    const empty = makeZip([{ name: 'OFD.xml', data: new TextEncoder().encode('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>') }]);
    await expect(decodeReport(empty, '报告.ofd')).rejects.toThrow(/OFD 文档没有页面/);
  });
});

describe('scans: OCR', () => {
  it.skipIf(!OCR)('reads a scanned PDF (150 dpi, turned 0.8°, the red seal over the signature) with its paragraphs, page by page', async () => {
    const progress: string[] = [];
    const r = await decodeReport(formatFixture('report-scan.pdf'), '市史志办2023年度报告.pdf', { onPage: (done, pages) => progress.push(`${done}/${pages}`) });
    expect(progress).toEqual(['1/2', '2/2']);
    expect(r.encoding).toBe('ocr');
    expect(r.ocr).toMatchObject({ engine: expect.stringMatching(/^tesseract [\d.]+ chi_sim$/), pages: 2 });
    expect(r.ocr!.confidence).toBeGreaterThan(0.8);
    expect(r.warnings).toEqual([expect.stringMatching(/^识别自扫描件（共 2 页，文字识别平均置信度 \d+%/)]);
    expect(cjkInOrder(SCAN_TEXT, r.text)).toBeGreaterThanOrEqual(0.95);
    // Paragraphs come back as the source has them: one per line, the wraps joined, page numbers gone.
    expect(r.text.split('\n').length).toBe(SCAN_TEXT.split('\n').length);
    expect(r.text).not.toMatch(/— \d —|^\d$/m);
    // The seal is stamped over these two lines.
    const [unit, date] = r.text.split('\n').slice(-2);
    expect(cjkInOrder(`中共${FORMAT_UNITS.scan.unit}支部委员会`, unit!)).toBeGreaterThanOrEqual(0.9);
    expect(date).toBe('2023年12月20日');
  }, 120_000);

  it.skipIf(!OCR)('reads page images: JPEG, PNG and TIFF', async () => {
    const images: Array<[string, Uint8Array]> = [
      ['扫描.jpg', scanPageImage('jpeg', ['-jpegopt', 'quality=70'])],
      ['扫描.png', scanPageImage('png')],
      ['扫描.tif', scanPageImage('tiff', ['-tiffcompression', 'lzw'])],
    ];
    for (const [name, bytes] of images) {
      const r = await decodeReport(bytes, name);
      expect(r.encoding, name).toBe('ocr');
      expect(cjkInOrder(SCAN_PAGE2, r.text), name).toBeGreaterThanOrEqual(0.95);
    }
  }, 120_000);

  it.skipIf(!OCR)('wraps TIFF strips of every compression scanners write so that they render as the scan does', () => {
    // Whole PGM/PBM files of one size: headers equal, then the pixels (8 to a byte in a PBM).
    const pixels = (raster: Uint8Array): Buffer => Buffer.from(raster);
    const gray = pixels(scanPageImage('gray'));
    const mono = pixels(scanPageImage('mono'));
    // Rendering the page again resamples a little (a mean difference of about 2 of 255); a wrong colour
    // sense, strip order or predictor differs by tens.
    const cases: Array<[string, string[], Buffer, number]> = [
      ['none', ['-gray'], gray, 3],
      ['packbits', ['-gray'], gray, 3],
      ['deflate', ['-gray'], gray, 3],
      ['lzw', ['-gray'], gray, 3],
      ['jpeg', ['-gray'], gray, 4],
      ['ccittfax4', ['-mono'], mono, 3],
    ];
    for (const [compression, flags, expected, tolerance] of cases) {
      const tiff = scanPageImage('tiff', ['-tiffcompression', compression, ...flags]);
      const { pdf } = imageToPdf(tiff, 'tiff');
      const got = pixels(rasterise(pdf, 1, flags.includes('-mono') ? 'mono' : 'gray'));
      expect(got.length, compression).toBe(expected.length);
      let diff = 0;
      for (let i = 0; i < got.length; i++) diff += Math.abs(got[i]! - expected[i]!);
      expect(diff / got.length, compression).toBeLessThanOrEqual(tolerance);
    }
  });

  it.skipIf(!OCR)('reads a PNG with transparency laid onto white', async () => {
    // The page without its seal (the red channel), its darkness made the opacity of black ink.
    const gray = redChannel(Buffer.from(scanPageImage('ppm')));
    const [w, h] = /^P5\s+(\d+)\s+(\d+)/.exec(gray.subarray(0, 32).toString('latin1'))!.slice(1).map(Number) as [number, number];
    const pixels = gray.subarray(gray.length - w * h);
    const rows: Buffer[] = [];
    for (let y = 0; y < h; y++) {
      const row = Buffer.alloc(1 + w * 2);
      for (let x = 0; x < w; x++) row[2 + 2 * x] = 255 - pixels[y * w + x]!;
      rows.push(row);
    }
    const chunk = (type: string, data: Buffer): Buffer => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])) >>> 0);
      return Buffer.concat([len, Buffer.from(type, 'latin1'), data, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(w, 0);
    ihdr.writeUInt32BE(h, 4);
    ihdr.set([8, 4, 0, 0, 0], 8);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
    expect(cjkInOrder(SCAN_PAGE2, (await decodeReport(new Uint8Array(png), '扫描.png')).text)).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it.skipIf(!OCR)('reads a PDF whose signature page was scanned and appended: the text layer, then the scan', async () => {
    const page1 = SCAN_TEXT.slice(0, SCAN_TEXT.indexOf('一是理论学习')).trim().split('\n');
    const lines: PdfLine[] = [];
    for (const p of page1) {
      for (let i = 0; i < p.length; ) {
        // A first line of 35 characters after its two-character indent, then 37 a line.
        const room = i === 0 ? 35 : 37;
        lines.push({ x: i === 0 ? 96 : 72, y: 780 - lines.length * 18, text: p.slice(i, i + room) });
        i += room;
      }
    }
    const jpeg = scanPageImage('jpeg');
    const pdf = makeCjkPdf([lines, { jpeg, width: 1240, height: 1754 }]);
    const r = await decodeReport(pdf, '报告.pdf');
    expect(r.encoding).toBe('ocr');
    expect(r.ocr?.pages).toBe(1);
    expect(r.warnings).toEqual([expect.stringMatching(/^第 2 页是扫描页，已做文字识别/)]);
    // The text layer as it was (the synthetic font's digits aside), then the scan.
    expect(cjkInOrder(page1.join('\n'), r.text.slice(0, r.text.indexOf('一是理论学习')))).toBe(1);
    expect(cjkInOrder(SCAN_TEXT, r.text)).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it.skipIf(!OCR)('reads a scan whose own text layer is garbage (fonts without an encoding) by OCR instead', async () => {
    // What broken scanner software leaves: the page image, and over it invisible private-use characters.
    const junk = Array.from({ length: 20 }, (_, i) => ({ x: 72, y: 760 - i * 30, text: String.fromCharCode(...Array.from({ length: 20 }, (_, k) => 0xe000 + i * 20 + k)) }));
    const pdf = makeCjkPdf([{ jpeg: scanPageImage('jpeg'), width: 1240, height: 1754, hiddenText: junk }]);
    const r = await decodeReport(pdf, '扫描件.pdf');
    expect(r.encoding).toBe('ocr');
    expect(r.warnings).toEqual([expect.stringMatching(/^PDF 的文字层是乱码，已改用文字识别读取全部 1 页/)]);
    expect(cjkInOrder(SCAN_PAGE2, r.text)).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it.skipIf(!OCR)('takes the pages from the upload budget first and refuses a scan over it', async () => {
    const budget = new OcrBudget(2);
    await decodeReport(scanPageImage('jpeg'), '第一页.jpg', { budget });
    expect(budget.remaining).toBe(1);
    await expect(decodeReport(formatFixture('report-scan.pdf'), '扫描件.pdf', { budget })).rejects.toThrow(
      '需要文字识别 2 页，超出本次上传剩余的 1 页识别额度（每次上传最多识别 2 页）；请将扫描件分批上传',
    );
    expect(budget.remaining).toBe(1);
  }, 60_000);

  it('puts the red channel through: red ink turns white, black and blue stay dark, gray stays gray', () => {
    const pixels = [[222, 36, 44], [190, 120, 125], [20, 20, 20], [30, 40, 200], [128, 128, 128]];
    const ppm = Buffer.concat([Buffer.from('P6\n5 1\n255\n', 'latin1'), Buffer.from(pixels.flat())]);
    expect([...redChannel(ppm).subarray(-5)]).toEqual([255, 255, 20, 30, 128]);
  });

  it('writes the punctuation OCR reads half-width between Chinese characters full-width', () => {
    expect(normalizeOcrPunctuation('《一)压实责任。学用脱节;二是(二)互动性不强:Word 2016, v1.2 (beta)')).toBe('（一）压实责任。学用脱节；二是（二）互动性不强：Word 2016, v1.2 (beta)');
  });
});

describe('scans without OCR', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.YANPAN_OCR;
    process.env.YANPAN_OCR = 'off';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.YANPAN_OCR;
    else process.env.YANPAN_OCR = saved;
  });

  it('refuses a scanned PDF and a page image in Chinese, naming the packages to install', async () => {
    await expect(decodeReport(formatFixture('report-scan.pdf'), '扫描件.pdf')).rejects.toThrow(
      '这个 PDF 文件是扫描件（没有文字层），需要文字识别（OCR），但本服务器的文字识别不可用（已由 YANPAN_OCR=off 关闭）；请管理员安装 tesseract-ocr、tesseract-ocr-chi-sim、poppler-utils，或提交 Word/文本版本',
    );
    await expect(decodeReport(makeScannedPdf(), '扫描件.pdf')).rejects.toThrow(/扫描件（没有文字层）.*OCR/);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 10, 0, 10, 1, 1, 0x11, 0, 0xff, 0xd9]);
    await expect(decodeReport(jpeg, '扫描.jpg')).rejects.toThrow(/这张图片是扫描件（没有文字层），需要文字识别/);
  });

  it('reads the text pages of a PDF and names the scanned ones it could not read', async () => {
    const lines: PdfLine[] = Array.from({ length: 12 }, (_, i) => ({ x: 72, y: 760 - i * 20, text: `第${i + 1}行正文内容，召开专题会议三次。` }));
    const r = await decodeReport(makeCjkPdf([lines, []]), '报告.pdf');
    expect(r.warnings).toEqual(['第 2 页没有文字层（可能是扫描页），这些页的内容未能提取']);
    expect(r.encoding).toBe('pdf');
  });
});

describe('page images that are not', () => {
  it('refuses a broken or unsupported image in Chinese, and other image types by name', async () => {
    await expect(decodeReport(gbk('不是图片'), '扫描.png')).rejects.toThrow(/内容不是 JPG、PNG 或 TIF 图片/);
    const interlaced = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.from([0, 0, 0, 10, 0, 0, 0, 10, 8, 2, 0, 0, 1]), Buffer.alloc(4)]);
    await expect(decodeReport(new Uint8Array(interlaced), '扫描.png')).rejects.toThrow(/隔行扫描/);
    await expect(decodeReport(new Uint8Array([0x42, 0x4d, 0, 0]), '扫描.bmp')).rejects.toThrow('不支持 .bmp 图片；扫描件请保存为 PDF、JPG、PNG 或 TIF 后提交');
    await expect(decodeReport(new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 0, 0]), '扫描.tif')).rejects.toBeInstanceOf(DecodeError);
  });
});

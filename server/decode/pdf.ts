// .pdf → text from the text layer (pdf.js, legacy build for Node, with the CMaps Chinese CID fonts need),
// laid out into paragraphs by layout.ts. Pages without a text layer (scans, the stamped signature page)
// are read by OCR (ocr.ts) when the server has it, and take their place among the others.
import path from 'node:path';
import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { DecodeError } from './errors.js';
import { dropPageFurniture, linesOfPage, rebuildParagraphs, type Line, type Piece } from './layout.js';
import { ocrAvailability, recognisePdfPages, type OcrOptions, type OcrSummary } from './ocr.js';

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = path.join(PDFJS_DIR, 'cmaps') + path.sep;
const STANDARD_FONT_URL = path.join(PDFJS_DIR, 'standard_fonts') + path.sep;

export interface DecodedPdf {
  text: string;
  pages: number;
  /** Pages (1-based) without a text layer that were not read (OCR unavailable): missing from `text`. */
  pagesWithoutText: number[];
  /** Pages (1-based) read by OCR, and how. */
  ocrPages: number[];
  ocr: OcrSummary | null;
  /** The text layer was garbage (fonts without an encoding) and OCR read every page instead. */
  garbledTextLayer: boolean;
}

export interface PdfReadOptions extends OcrOptions {
  /** What the document is, for a refusal: "这个 PDF 文件" or "这张图片". */
  noun?: string;
}

/** Fewer visible characters than this on a page: a scanned page (a stamp or a page number at most). */
const SCANNED_PAGE_CHARS = 10;

/** Text items of one page as positioned pieces (PDF user space). */
function pagePieces(items: TextItem[]): Piece[] {
  return items.map((it) => {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = it.transform as number[];
    const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height || 10;
    return { str: it.str, x, y, size, right: x + it.width };
  });
}

/** Share of characters that only a broken font encoding produces (private use, U+FFFD, controls). */
function junkShare(text: string): number {
  const junk = text.match(/[\uE000-\uF8FF\uFFFD\u0000-\u0008\u000B\u000E-\u001F]/g)?.length ?? 0;
  return text.length === 0 ? 0 : junk / text.length;
}

export async function decodePdf(bytes: Uint8Array, opts: PdfReadOptions = {}): Promise<DecodedPdf> {
  const noun = opts.noun ?? '这个 PDF 文件';
  let doc;
  try {
    doc = await getDocument({
      // pdf.js transfers the buffer it is given: hand it a copy so the caller's bytes stay usable.
      data: new Uint8Array(bytes),
      cMapUrl: CMAP_URL,
      cMapPacked: true,
      standardFontDataUrl: STANDARD_FONT_URL,
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException') throw new DecodeError('PDF 设置了打开密码，无法读取；请提交未加密的版本');
    throw new DecodeError('PDF 文件已损坏或不完整，无法打开；请重新导出后提交');
  }
  try {
    const pages: Line[][] = [];
    const sizes: Array<{ width: number; height: number }> = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      sizes.push({ width, height });
      const content = await page.getTextContent();
      const items = content.items.filter((it): it is TextItem => 'str' in it);
      pages.push(linesOfPage(pagePieces(items), n));
      page.cleanup();
    }
    const visibleOf = (lines: Line[]): string => lines.map((l) => l.text).join('').replace(/\s/g, '');
    const layer = visibleOf(dropPageFurniture(pages).flat());
    // A scan may still carry a few characters (a stamp, a page number): judge by the amount per page.
    const scanned = layer.length < 20 * doc.numPages && layer.length < 200;
    const garbledTextLayer = !scanned && junkShare(layer) > 0.05;
    const available = (await ocrAvailability()).available;
    if (garbledTextLayer && !available) {
      throw new DecodeError('PDF 的文字层无法正确提取（字体缺少编码信息，提取出来是乱码）；请提交 Word 或文本版本');
    }
    const toRead = pages.flatMap((lines, i) => (scanned || garbledTextLayer || visibleOf(lines).length < SCANNED_PAGE_CHARS ? [i + 1] : []));
    let ocr: OcrSummary | null = null;
    let ocrPages: number[] = [];
    let pagesWithoutText = toRead;
    // A document that is a scan throughout is refused by the OCR step when OCR is unavailable; single
    // scanned pages in a text document are then reported as not read.
    if (toRead.length > 0 && (available || scanned)) {
      const what = scanned ? `${noun}是扫描件（没有文字层），` : `${noun}有 ${toRead.length} 页是扫描页（没有文字层），`;
      const read = await recognisePdfPages(bytes, toRead, (n) => sizes[n - 1]!, what, opts);
      for (const [n, lines] of read.pages) pages[n - 1] = lines;
      // A page that yields no text either is blank: it was not "read by OCR".
      ocrPages = toRead.filter((n) => (read.pages.get(n) ?? []).length > 0);
      ocr = ocrPages.length > 0 ? { ...read.summary, pages: ocrPages.length } : null;
      pagesWithoutText = [];
    }
    const text = rebuildParagraphs(dropPageFurniture(pages).flat());
    if (scanned && text.replace(/\s/g, '').length < 10) {
      throw new DecodeError(`${noun}中没有识别出文字（可能是照片、空白页或图像太模糊）；请提交清晰的扫描件或 Word/文本版本`);
    }
    return { text, pages: doc.numPages, pagesWithoutText, ocrPages, ocr, garbledTextLayer };
  } finally {
    await doc.destroy();
  }
}

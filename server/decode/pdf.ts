// .pdf → text from the text layer (pdf.js, legacy build for Node, with the CMaps Chinese CID fonts need),
// laid out into paragraphs by layout.ts.
import path from 'node:path';
import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { DecodeError } from './errors.js';
import { dropPageFurniture, linesOfPage, rebuildParagraphs, type Line, type Piece } from './layout.js';

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = path.join(PDFJS_DIR, 'cmaps') + path.sep;
const STANDARD_FONT_URL = path.join(PDFJS_DIR, 'standard_fonts') + path.sep;

export interface DecodedPdf {
  text: string;
  /** Pages (1-based) that have no text layer: scanned pages whose content is missing from `text`. */
  pagesWithoutText: number[];
}

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

export async function decodePdf(bytes: Uint8Array): Promise<DecodedPdf> {
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
    const pagesWithoutText: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((it): it is TextItem => 'str' in it);
      const lines = linesOfPage(pagePieces(items), n);
      if (lines.every((l) => l.text.trim() === '')) pagesWithoutText.push(n);
      pages.push(lines);
      page.cleanup();
    }
    const text = rebuildParagraphs(dropPageFurniture(pages).flat());
    const visible = text.replace(/\s/g, '');
    // A scan may still carry a few characters (a stamp, a page number): judge by the amount per page.
    if (visible.length < 20 * doc.numPages && visible.length < 200) {
      throw new DecodeError('这个 PDF 没有文字层（可能是扫描件或图片），无法提取文字；需要先做文字识别（OCR），或提交 Word/文本版本');
    }
    if (junkShare(visible) > 0.05) {
      throw new DecodeError('PDF 的文字层无法正确提取（字体缺少编码信息，提取出来是乱码）；请提交 Word 或文本版本');
    }
    return { text, pagesWithoutText };
  } finally {
    await doc.destroy();
  }
}

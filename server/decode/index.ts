// decode: bytes → text. One entry point per submission: decodeReport for a report file, expandArchive for
// a .zip whose entries then go through decodeReport. The extension says what the user meant to send, the
// first bytes say what it is: a Word document in the wrong Word format (.doc saved as .docx, RTF saved
// as .doc) is read for what it is; anything else is refused with both named.
import path from 'node:path';
import { decodeDocx } from './docx.js';
import { DecodeError } from './errors.js';
import { ARCHIVE_EXTENSION, extensionOf, typeRefusal } from './formats.js';
import { imageKind, imageToPdf } from './images.js';
import type { OcrOptions, OcrSummary } from './ocr.js';
import { decodeOfd } from './ofd.js';
import { decodeRtf } from './rtf.js';
import { kindName, sniffKind, type SniffedKind } from './sniff.js';
import { decodeTextBytes } from './text.js';
import { decodeWord97 } from './word97.js';

export { DecodeError } from './errors.js';
export { normalizeStoredText } from './text.js';
export { ARCHIVE_EXTENSION, REPORT_EXTENSIONS } from './formats.js';
export { expandArchive, DEFAULT_ARCHIVE_LIMITS, type ArchiveContents, type ArchiveEntry, type ArchiveLimits, type ArchiveRefusal } from './zip.js';
export { OcrBudget, ocrAvailability, type OcrSummary } from './ocr.js';

/**
 * How the text was read: a text encoding, the document format, or "ocr" when any page of it was
 * recognised from an image (a scanned PDF or page image; `ocr` says how).
 */
export type SourceEncoding = 'utf-8' | 'gb18030' | 'utf-16' | 'docx' | 'doc' | 'wps' | 'rtf' | 'ofd' | 'pdf' | 'ocr';

export interface DecodedReport {
  text: string;
  encoding: SourceEncoding;
  /** What was read only in part or by OCR (e.g. scanned pages), in Chinese, for the user. */
  warnings: string[];
  /** Set when pages were read by OCR. */
  ocr: OcrSummary | null;
}

/** Scans take time and a share of the upload's OCR budget: the caller follows and limits them here. */
export type DecodeOptions = OcrOptions;

export function isArchiveName(fileName: string): boolean {
  return extensionOf(fileName) === ARCHIVE_EXTENSION;
}

/** An Office document with an open password is an OLE container holding an "EncryptedPackage" stream. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

function mismatch(ext: string, kind: Exclude<SniffedKind, null>): DecodeError {
  return new DecodeError(`文件扩展名是 ${ext}，但内容实际是${kindName(kind)}；请确认提交的是报告本身，并使用正确的扩展名`);
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** The Word family (.docx, .doc, .wps) read by what the bytes are, whichever of the three the name says. */
async function decodeWordFamily(bytes: Uint8Array, fileName: string, ext: string, kind: SniffedKind): Promise<DecodedReport> {
  const plain = (text: string, encoding: SourceEncoding): DecodedReport => ({ text, encoding, warnings: [], ocr: null });
  if (kind === 'zip') return plain(await decodeDocx(bytes), 'docx');
  if (kind === 'rtf') return plain(decodeRtf(bytes), 'rtf');
  const name = path.posix.basename(fileName.replace(/\\/g, '/'));
  if (kind === 'ole') {
    if (isEncryptedOffice(bytes)) throw new DecodeError('Word 文档设置了打开密码，无法读取；请取消密码后重新提交');
    const refusal =
      ext === '.wps'
        ? `无法读取 WPS 文档“${name}”：它不是 Word 97–2003 兼容格式（可能是早期 WPS 专有格式，或文件已损坏）；请在 WPS 文字中打开它，“另存为” .docx（或 .doc）后重新提交`
        : `无法读取 Word 文档“${name}”：文件已损坏，或是 Word 95 及更早版本的格式；请在 Word 或 WPS 中打开它，“另存为” .docx 后重新提交`;
    return plain(await decodeWord97(bytes, refusal), ext === '.wps' ? 'wps' : 'doc');
  }
  if (ext === '.wps' && kind === null) {
    throw new DecodeError(`无法读取 WPS 文档“${name}”：内容不是可识别的文档格式（可能是早期 WPS 专有格式）；请在 WPS 文字中打开它，“另存为” .docx 后重新提交`);
  }
  if (kind === null) throw new DecodeError(`文件扩展名是 ${ext}，但内容不是 Word 文档（可能是改了扩展名的其他文件）`);
  throw mismatch(ext, kind);
}

/** A PDF (or page images made into one): its text layer, and OCR of the pages that have none. */
async function decodeScannable(bytes: Uint8Array, noun: string, opts: DecodeOptions): Promise<DecodedReport> {
  // pdf.js is large: loaded when a PDF or a scan arrives, not by every command and server start.
  const { decodePdf } = await import('./pdf.js');
  const r = await decodePdf(bytes, { ...opts, noun });
  const warnings: string[] = [];
  if (r.pagesWithoutText.length > 0) warnings.push(`第 ${r.pagesWithoutText.join('、')} 页没有文字层（可能是扫描页），这些页的内容未能提取`);
  if (r.ocr) {
    const how = `文字识别平均置信度 ${percent(r.ocr.confidence)}，个别文字可能识别有误，请以原件为准`;
    if (r.garbledTextLayer) warnings.push(`PDF 的文字层是乱码，已改用文字识别读取全部 ${r.pages} 页（${how}）`);
    else if (r.ocrPages.length === r.pages) warnings.push(`识别自扫描件（共 ${r.pages} 页，${how}）`);
    else warnings.push(`第 ${r.ocrPages.join('、')} 页是扫描页，已做文字识别（${how}）`);
  }
  return { text: r.text, encoding: r.ocr ? 'ocr' : 'pdf', warnings, ocr: r.ocr };
}

export async function decodeReport(bytes: Uint8Array, fileName: string, opts: DecodeOptions = {}): Promise<DecodedReport> {
  const ext = extensionOf(fileName);
  if (ext === ARCHIVE_EXTENSION) throw new DecodeError('这是压缩包，需要先解开再逐个读取其中的报告');
  const refusal = typeRefusal(fileName);
  if (refusal) throw new DecodeError(refusal);
  if (bytes.length === 0) throw new DecodeError('文件为空');
  const kind = sniffKind(bytes);
  switch (ext) {
    case '.txt': {
      if (kind !== null) throw mismatch(ext, kind);
      return { ...decodeTextBytes(bytes), warnings: [], ocr: null };
    }
    case '.docx':
    case '.doc':
    case '.wps':
      return decodeWordFamily(bytes, fileName, ext, kind);
    case '.rtf': {
      if (kind !== 'rtf') throw kind === null ? new DecodeError('文件扩展名是 .rtf，但内容不是 RTF 文档（可能已损坏，或是改了扩展名的其他文件）') : mismatch(ext, kind);
      return { text: decodeRtf(bytes), encoding: 'rtf', warnings: [], ocr: null };
    }
    case '.ofd': {
      if (kind !== 'zip') throw kind === null ? new DecodeError('文件扩展名是 .ofd，但内容不是 OFD 版式文档（可能已损坏，或是改了扩展名的其他文件）') : mismatch(ext, kind);
      return { text: await decodeOfd(bytes), encoding: 'ofd', warnings: [], ocr: null };
    }
    case '.pdf': {
      if (kind === null) throw new DecodeError('文件扩展名是 .pdf，但内容不是 PDF 文件（可能已损坏，或是改了扩展名的其他文件）');
      if (kind !== 'pdf') throw mismatch(ext, kind);
      return decodeScannable(bytes, '这个 PDF 文件', opts);
    }
    default: {
      // Page images (IMAGE_EXTENSIONS): typeRefusal lets nothing else through.
      const image = imageKind(bytes);
      if (!image) throw kind === null || kind === 'image' ? new DecodeError(`文件扩展名是 ${ext}，但内容不是 JPG、PNG 或 TIF 图片（可能已损坏）`) : mismatch(ext, kind);
      const { pdf } = imageToPdf(bytes, image);
      return decodeScannable(pdf, '这张图片', opts);
    }
  }
}

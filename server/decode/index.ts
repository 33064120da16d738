// decode: bytes → text. One entry point per submission: decodeReport for a report file, expandArchive for
// a .zip whose entries then go through decodeReport. The extension says what the user meant to send, the
// first bytes say what it is; when they disagree the user is told both.
import { decodeDocx } from './docx.js';
import { DecodeError } from './errors.js';
import { ARCHIVE_EXTENSION, extensionOf, typeRefusal } from './formats.js';
import { kindName, sniffKind, type SniffedKind } from './sniff.js';
import { decodeTextBytes } from './text.js';

export { DecodeError } from './errors.js';
export { normalizeStoredText } from './text.js';
export { REPORT_EXTENSIONS } from './formats.js';
export { expandArchive, DEFAULT_ARCHIVE_LIMITS, type ArchiveContents, type ArchiveEntry, type ArchiveLimits, type ArchiveRefusal } from './zip.js';

export type SourceEncoding = 'utf-8' | 'gb18030' | 'utf-16' | 'docx' | 'pdf';

export interface DecodedReport {
  text: string;
  encoding: SourceEncoding;
  /** What was read only in part (e.g. PDF pages without a text layer), in Chinese, for the user. */
  warnings: string[];
}

export function isArchiveName(fileName: string): boolean {
  return extensionOf(fileName) === ARCHIVE_EXTENSION;
}

/** An Office document with an open password is an OLE container holding an "EncryptedPackage" stream. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

function mismatch(ext: string, kind: Exclude<SniffedKind, null>, bytes: Uint8Array): DecodeError {
  if (ext === '.docx' && kind === 'ole') {
    if (isEncryptedOffice(bytes)) return new DecodeError('Word 文档设置了打开密码，无法读取；请取消密码后重新提交');
    return new DecodeError('文件扩展名是 .docx，但内容其实是旧版 Word/WPS 格式（.doc）；请在 Word 或 WPS 中“另存为” .docx 后重新提交');
  }
  return new DecodeError(`文件扩展名是 ${ext}，但内容实际是${kindName(kind)}；请确认提交的是报告本身，并使用正确的扩展名`);
}

export async function decodeReport(bytes: Uint8Array, fileName: string): Promise<DecodedReport> {
  const ext = extensionOf(fileName);
  if (ext === ARCHIVE_EXTENSION) throw new DecodeError('这是压缩包，需要先解开再逐个读取其中的报告');
  const refusal = typeRefusal(fileName);
  if (refusal) throw new DecodeError(refusal);
  if (bytes.length === 0) throw new DecodeError('文件为空');
  const kind = sniffKind(bytes);
  switch (ext) {
    case '.txt': {
      if (kind !== null) throw mismatch(ext, kind, bytes);
      return { ...decodeTextBytes(bytes), warnings: [] };
    }
    case '.docx': {
      if (kind === null) throw new DecodeError('文件扩展名是 .docx，但内容不是 Word 文档（可能是改了扩展名的其他文件）');
      if (kind !== 'zip') throw mismatch(ext, kind, bytes);
      return { text: await decodeDocx(bytes), encoding: 'docx', warnings: [] };
    }
    default: {
      // .pdf: typeRefusal lets nothing else through.
      if (kind === null) throw new DecodeError('文件扩展名是 .pdf，但内容不是 PDF 文件（可能已损坏，或是改了扩展名的其他文件）');
      if (kind !== 'pdf') throw mismatch(ext, kind, bytes);
      // pdf.js is large: loaded when a PDF arrives, not by every command and server start.
      const { decodePdf } = await import('./pdf.js');
      const { text, pagesWithoutText } = await decodePdf(bytes);
      const warnings = pagesWithoutText.length > 0 ? [`第 ${pagesWithoutText.join('、')} 页没有文字层（可能是扫描页），这些页的内容未能提取`] : [];
      return { text, encoding: 'pdf', warnings };
    }
  }
}

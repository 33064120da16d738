// decode: bytes → text. One entry point for every input format; dispatch by file extension.
import path from 'node:path';
import { DecodeError } from './errors.js';
import { decodeTextBytes } from './text.js';

export { DecodeError } from './errors.js';
export { normalizeStoredText } from './text.js';

export type SourceEncoding = 'utf-8' | 'gb18030' | 'utf-16' | 'docx' | 'pdf';

export interface DecodedReport {
  text: string;
  encoding: SourceEncoding;
}

export const SUPPORTED_EXTENSIONS = ['.txt'] as const;

export async function decodeReport(bytes: Uint8Array, fileName: string): Promise<DecodedReport> {
  const ext = path.extname(fileName).toLowerCase();
  switch (ext) {
    case '.txt':
      return decodeTextBytes(bytes);
    default:
      throw new DecodeError(`不支持的文件类型“${ext || '无扩展名'}”，请提交 .txt、.docx 或 .pdf 文件`);
  }
}

// What a file really is, from its first bytes: users rename files (a .doc saved as .docx, a zip called
// .docx, a scan called .txt), and a clear reason beats a parser's error.

export type SniffedKind = 'zip' | 'ole' | 'pdf' | 'rar' | '7z' | 'gzip' | 'image' | 'executable' | 'rtf' | null;

const KIND_NAMES: Record<Exclude<SniffedKind, null>, string> = {
  zip: 'ZIP 压缩包（或 .docx/.xlsx 等 Office 文档）',
  ole: '旧版 Office 文档（.doc/.wps/.xls 等二进制格式）',
  pdf: 'PDF 文件',
  rar: 'RAR 压缩包',
  '7z': '7z 压缩包',
  gzip: 'gzip 压缩文件',
  image: '图片',
  executable: '可执行程序',
  rtf: 'RTF 文档',
};

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** PDF readers accept "%PDF-" anywhere in the first KiB (some generators put junk before it). */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  return head.indexOf('%PDF-', 0, 'latin1');
}

export function sniffKind(bytes: Uint8Array): SniffedKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (pdfHeaderOffset(bytes) >= 0) return 'pdf';
  if (startsWith(bytes, ascii('Rar!\x1a\x07'))) return 'rar';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, ascii('GIF8')) ||
    (startsWith(bytes, ascii('BM')) && bytes.length > 14 && bytes[6] === 0 && bytes[7] === 0) ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])
  )
    return 'image';
  if (startsWith(bytes, ascii('MZ')) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'executable';
  if (startsWith(bytes, ascii('{\\rtf'))) return 'rtf';
  return null;
}

export function kindName(kind: Exclude<SniffedKind, null>): string {
  return KIND_NAMES[kind];
}

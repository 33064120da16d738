// Plain-text submissions: UTF-8 (with or without BOM), UTF-16 (BOM, or detected), else GB18030/GBK.
// The stored text is the decoded input with the BOM removed and \r\n turned into \n, nothing else:
// every offset the system reports points into exactly that string.
import { DecodeError } from './errors.js';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** The normalisation every stored text gets, whatever its source format. */
export function normalizeStoredText(decoded: string): string {
  return decoded.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of characters that no report contains: C0 controls other than tab/newline, and private use. */
function junkShare(text: string): number {
  if (text.length === 0) return 0;
  let junk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd) junk++;
  }
  return junk / text.length;
}

function detectUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? zeroEven++ : zeroOdd++);
  const half = n / 2;
  if (zeroOdd > half * 0.3 && zeroEven < half * 0.02) return 'utf-16le';
  if (zeroEven > half * 0.3 && zeroOdd < half * 0.02) return 'utf-16be';
  return null;
}

/**
 * Chinese UTF-16 has few zero bytes: judge by the code units instead. Asked only once strict UTF-8 has
 * failed (paired-up ASCII looks like CJK); GBK bytes paired up land in Hangul and private use instead.
 */
function plausibleUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 !== 0) return null;
  const head = bytes.subarray(0, Math.min(bytes.length, 4096));
  for (const label of ['utf-16le', 'utf-16be'] as const) {
    const units = new TextDecoder(label).decode(head);
    const plausible = units.match(/[\u4E00-\u9FFF\u3000-\u303F\uFF00-\uFFEF\u2000-\u206F\u0020-\u007E\n\r\t]/g)?.length ?? 0;
    if (units.length >= 8 && plausible / units.length > 0.95) return label;
  }
  return null;
}

export function decodeTextBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new DecodeError('文件为空');
  let decoded: string | null = null;
  let encoding: TextEncoding;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = tryDecode('utf-8', bytes.subarray(3));
    encoding = 'utf-8';
    if (decoded === null) throw new DecodeError('文件声明为 UTF-8 编码，但内容含有无效字节');
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    decoded = tryDecode(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', bytes.subarray(2));
    encoding = 'utf-16';
    if (decoded === null) throw new DecodeError('文件声明为 UTF-16 编码，但内容无效');
  } else {
    const utf16 = detectUtf16WithoutBom(bytes);
    if (utf16) {
      decoded = tryDecode(utf16, bytes);
      encoding = 'utf-16';
    } else {
      decoded = tryDecode('utf-8', bytes);
      encoding = 'utf-8';
      const utf16Units = decoded === null ? plausibleUtf16(bytes) : null;
      if (utf16Units) {
        decoded = tryDecode(utf16Units, bytes);
        encoding = 'utf-16';
      } else if (decoded === null) {
        decoded = tryDecode('gb18030', bytes);
        encoding = 'gb18030';
      }
    }
    if (decoded === null) throw new DecodeError('无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030）');
  }
  if (junkShare(decoded) > 0.01) throw new DecodeError('文件不是文本（含有大量控制字符或乱码），可能是二进制文件');
  const text = normalizeStoredText(decoded);
  if (text.trim().length === 0) throw new DecodeError('文件没有文字内容');
  return { text, encoding };
}

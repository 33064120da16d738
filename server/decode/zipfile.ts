// Reading ZIP containers (uploaded archives and .docx alike) with yauzl, defensively: names decoded the
// way Chinese Windows writes them, sizes checked before inflating, and inflation stopped at a byte budget.
import yauzl from 'yauzl';
import type { Readable } from 'node:stream';
import { DecodeError } from './errors.js';

export interface ZipItem {
  /** The entry name as decoded (UTF-8 or GB18030), with `\` turned into `/`. */
  name: string;
  isDirectory: boolean;
  encrypted: boolean;
  /** A symbolic link stored by a Unix zip (its data is the target's path, not a file). */
  symlink: boolean;
  /** Stored (0) and deflate (8) are the only methods Windows, macOS and Office write. */
  supportedMethod: boolean;
  compressedSize: number;
  uncompressedSize: number;
  entry: yauzl.Entry;
}

export interface ZipContainer {
  items: ZipItem[];
  /** The entry's bytes; refuses (DecodeError) when it would exceed `maxBytes` or its header lies. */
  read(item: ZipItem, maxBytes: number): Promise<Uint8Array>;
  close(): void;
}

const UTF8_FLAG = 0x800;
const ENCRYPTED_FLAG = 0x1;
const INFO_ZIP_UNICODE_PATH = 0x7075;
const MADE_BY_UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Unix zips keep the file mode in the high half of the external attributes. */
function isSymlink(entry: yauzl.Entry): boolean {
  return entry.versionMadeBy >> 8 === MADE_BY_UNIX && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * Entry names: bit 11 says UTF-8; otherwise Info-ZIP's Unicode path field when present; otherwise the
 * bytes are whatever code page the zipping machine used — GBK on Chinese Windows. macOS and many Linux
 * tools write UTF-8 without setting the flag, so strict UTF-8 is tried before GB18030 (GBK text of any
 * length is almost never valid UTF-8).
 */
export function decodeEntryName(raw: Buffer, flags: number, extraFields: readonly yauzl.ExtraField[]): string {
  let name: string | null = null;
  if (flags & UTF8_FLAG) name = raw.toString('utf8');
  if (name === null) {
    const unicodePath = extraFields.find((f) => f.id === INFO_ZIP_UNICODE_PATH);
    // Layout: version (1), CRC-32 of the raw name (4), UTF-8 name.
    if (unicodePath && unicodePath.data.length > 5 && unicodePath.data[0] === 1) name = unicodePath.data.subarray(5).toString('utf8');
  }
  if (name === null) {
    try {
      name = utf8Strict.decode(raw);
    } catch {
      name = gb18030.decode(raw);
    }
  }
  return name.replace(/\\/g, '/');
}

function zipOpenError(err: unknown): DecodeError {
  const msg = err instanceof Error ? err.message : String(err);
  if (/end of central directory record signature not found/i.test(msg)) return new DecodeError('压缩文件不完整或已损坏（找不到文件目录），可能是上传或拷贝时被截断');
  return new DecodeError('压缩文件已损坏，无法读取');
}

async function collect(stream: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new DecodeError(`解压后超过 ${formatBytes(maxBytes)} 的上限，已停止解压`);
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}

/**
 * Opens a ZIP from memory or from a file on disk (an upload spooled to a temporary file is never read
 * whole). Refuses (DecodeError) when the container itself is unreadable or has more than `maxEntries`.
 */
export async function openZip(input: Uint8Array | string, maxEntries: number): Promise<ZipContainer> {
  const options: yauzl.Options = { decodeStrings: false, validateEntrySizes: true, autoClose: false };
  let zip: yauzl.ZipFile;
  try {
    zip =
      typeof input === 'string'
        ? await yauzl.openPromise(input, options)
        : await yauzl.fromBufferPromise(Buffer.from(input.buffer, input.byteOffset, input.byteLength), options);
  } catch (err) {
    throw zipOpenError(err);
  }
  if (zip.entryCount > maxEntries) {
    zip.close();
    throw new DecodeError(`压缩包内有 ${zip.entryCount} 个条目，超过 ${maxEntries} 个的上限`);
  }
  const items: ZipItem[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      // With decodeStrings off yauzl hands the raw name bytes in fileName.
      const raw = entry.fileName as unknown as Buffer;
      const name = decodeEntryName(raw, entry.generalPurposeBitFlag, entry.extraFields);
      items.push({
        name,
        isDirectory: name.endsWith('/'),
        encrypted: (entry.generalPurposeBitFlag & ENCRYPTED_FLAG) !== 0,
        symlink: isSymlink(entry),
        supportedMethod: entry.compressionMethod === 0 || entry.compressionMethod === 8,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
        entry,
      });
    }
  } catch (err) {
    zip.close();
    throw zipOpenError(err);
  }
  return {
    items,
    async read(item, maxBytes) {
      if (item.encrypted) throw new DecodeError('文件已加密，无法读取');
      if (!item.supportedMethod) throw new DecodeError(`使用了不支持的压缩方式（${item.entry.compressionMethod}）`);
      if (item.uncompressedSize > maxBytes) throw new DecodeError(`解压后 ${formatBytes(item.uncompressedSize)}，超过 ${formatBytes(maxBytes)} 的上限`);
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(item.entry);
      } catch (err) {
        throw new DecodeError('压缩数据已损坏，无法解压');
      }
      try {
        return await collect(stream, maxBytes);
      } catch (err) {
        if (err instanceof DecodeError) throw err;
        // yauzl checks the inflated length against the header: more data than declared is how a bomb
        // hides from the size checks; less, or an inflate error, is damage.
        const msg = err instanceof Error ? err.message : '';
        if (/too many bytes/.test(msg)) throw new DecodeError('解压出的数据超过文件头声明的大小，疑似“压缩炸弹”，已停止解压');
        throw new DecodeError('压缩数据已损坏或不完整，无法解压');
      }
    },
    close() {
      zip.close();
    },
  };
}

// Page images (.jpg, .png, .tif) → a PDF of those pages, so that scans sent as pictures go the one way
// scanned PDFs go: rasterised by pdftoppm, red channel out, OCR (ocr.ts). The compressed pixel data is
// not decoded here but wrapped as it is — JPEG as DCTDecode, PNG's zlib data as FlateDecode with PNG
// predictors, TIFF strips and tiles as CCITT G4, LZW, Deflate, PackBits or JPEG — and poppler decodes it,
// as it decodes every scanned PDF. Only PNGs with transparency are unpacked (node's zlib) to flatten
// them onto white. No image library is needed, in JavaScript or on the system.
import zlib from 'node:zlib';
import { DecodeError } from './errors.js';

/** Larger rasters are refused before anything is decoded (an A3 page at 600 dpi is 70 million pixels). */
const MAX_PIXELS = 100_000_000;
const MAX_TIFF_PAGES = 500;

export type ImageKind = 'jpeg' | 'png' | 'tiff';

interface PdfImage {
  /** The image dictionary without /Length. */
  dict: string;
  data: Buffer;
}

interface PlacedImage {
  image: PdfImage;
  /** Pixel rectangle on the page, top-left origin. */
  x: number;
  y: number;
  width: number;
  height: number;
}

interface ImagePage {
  width: number;
  height: number;
  dpi: number;
  images: PlacedImage[];
}

export function imageKind(bytes: Uint8Array): ImageKind | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0 && bytes[3] === 0x2a)) return 'tiff';
  return null;
}

const damaged = (what: string): DecodeError => new DecodeError(`${what}图片已损坏或格式不完整，无法读取`);

function checkPixels(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new DecodeError('图片尺寸无效');
  if (width * height > MAX_PIXELS) throw new DecodeError(`图片过大（${width}×${height} 像素），超过 1 亿像素的上限`);
}

/** Resolution when the file does not say: a page scanned whole, as wide as A4 (8.27 in) or taller. */
function assumedDpi(width: number, height: number): number {
  return Math.max(72, Math.round(Math.max(width / 8.27, height / 11.69)));
}

// ---- JPEG -------------------------------------------------------------------------------------

function jpegPage(b: Buffer): ImagePage {
  let at = 2;
  let width = 0;
  let height = 0;
  let components = 0;
  let dpi: number | null = null;
  let adobe = false;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) throw damaged('JPEG ');
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    const length = b.readUInt16BE(at + 2);
    const data = b.subarray(at + 4, at + 2 + length);
    if (marker === 0xe0 && data.subarray(0, 5).toString('latin1') === 'JFIF\0' && data.length >= 12) {
      const units = data[7]!;
      const density = data.readUInt16BE(8);
      if (units === 1 && density > 1) dpi = density;
      if (units === 2 && density > 1) dpi = Math.round(density * 2.54);
    } else if (marker === 0xee && data.subarray(0, 5).toString('latin1') === 'Adobe') adobe = true;
    else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc && data.length >= 6) {
      height = data.readUInt16BE(1);
      width = data.readUInt16BE(3);
      components = data[5]!;
    }
    at += 2 + length;
  }
  checkPixels(width, height);
  const space = components === 1 ? '/DeviceGray' : components === 4 ? '/DeviceCMYK' : '/DeviceRGB';
  // Adobe's CMYK JPEGs store inverted ink values.
  const decode = components === 4 && adobe ? ' /Decode [1 0 1 0 1 0 1 0]' : '';
  const image = { dict: `/Width ${width} /Height ${height} /ColorSpace ${space} /BitsPerComponent 8 /Filter /DCTDecode${decode}`, data: b };
  return { width, height, dpi: dpi ?? assumedDpi(width, height), images: [{ image, x: 0, y: 0, width, height }] };
}

// ---- PNG --------------------------------------------------------------------------------------

function pngPage(b: Buffer): ImagePage {
  let at = 8;
  let ihdr: Buffer | null = null;
  let palette: Buffer | null = null;
  let dpi: number | null = null;
  const idat: Buffer[] = [];
  while (at + 8 <= b.length) {
    const length = b.readUInt32BE(at);
    const type = b.subarray(at + 4, at + 8).toString('latin1');
    const data = b.subarray(at + 8, at + 8 + length);
    if (data.length < length) throw damaged('PNG ');
    if (type === 'IHDR') ihdr = data;
    else if (type === 'PLTE') palette = data;
    else if (type === 'pHYs' && data.length >= 9 && data[8] === 1) dpi = Math.round(data.readUInt32BE(0) * 0.0254);
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!ihdr || ihdr.length < 13) throw damaged('PNG ');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const depth = ihdr[8]!;
  const colour = ihdr[9]!;
  checkPixels(width, height);
  if (ihdr[12] === 1) throw new DecodeError('隔行扫描（interlaced）的 PNG 图片暂不支持；请另存为普通 PNG、JPG 或 PDF 后提交');
  if (idat.length === 0) throw damaged('PNG ');
  const data = Buffer.concat(idat);
  const place = (image: PdfImage): ImagePage => ({ width, height, dpi: dpi && dpi > 1 ? dpi : assumedDpi(width, height), images: [{ image, x: 0, y: 0, width, height }] });
  if (colour === 0 || colour === 2 || colour === 3) {
    const colors = colour === 2 ? 3 : 1;
    let space = colour === 2 ? '/DeviceRGB' : '/DeviceGray';
    if (colour === 3) {
      if (!palette) throw damaged('PNG ');
      space = `[/Indexed /DeviceRGB ${palette.length / 3 - 1} <${palette.toString('hex')}>]`;
    }
    return place({
      dict: `/Width ${width} /Height ${height} /ColorSpace ${space} /BitsPerComponent ${depth} /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors ${colors} /BitsPerComponent ${depth} /Columns ${width} >>`,
      data,
    });
  }
  // Gray or RGB with alpha: unpacked, laid onto white.
  const channels = colour === 4 ? 2 : 4;
  const bytesPer = (channels * depth) / 8;
  const stride = width * bytesPer;
  let raw: Buffer;
  try {
    raw = zlib.inflateSync(data, { maxOutputLength: (stride + 1) * height });
  } catch {
    throw damaged('PNG ');
  }
  const pixels = unfilter(raw, width, height, bytesPer);
  const colors = channels - 1;
  const out = Buffer.alloc(width * height * colors);
  const step = depth / 8;
  for (let i = 0; i < width * height; i++) {
    const alpha = pixels[(i * channels + colors) * step]! / 255;
    for (let c = 0; c < colors; c++) out[i * colors + c] = Math.round(pixels[(i * channels + c) * step]! * alpha + 255 * (1 - alpha));
  }
  return place({ dict: `/Width ${width} /Height ${height} /ColorSpace /${colors === 1 ? 'DeviceGray' : 'DeviceRGB'} /BitsPerComponent 8 /Filter /FlateDecode`, data: zlib.deflateSync(out) });
}

/** PNG's per-row filters undone (None, Sub, Up, Average, Paeth). */
function unfilter(raw: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = Math.ceil(width * bpp);
  const step = Math.max(1, Math.floor(bpp));
  const out = Buffer.alloc(stride * height);
  if (raw.length < (stride + 1) * height) throw damaged('PNG ');
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const o = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= step ? out[o + x - step]! : 0;
      const up = y > 0 ? out[o - stride + x]! : 0;
      const c = x >= step && y > 0 ? out[o - stride + x - step]! : 0;
      let v = row[x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += up;
      else if (filter === 3) v += (a + up) >> 1;
      else if (filter === 4) {
        const p = a + up - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      }
      out[o + x] = v & 0xff;
    }
  }
  return out;
}

// ---- TIFF -------------------------------------------------------------------------------------

interface Ifd {
  tags: Map<number, number[]>;
  next: number;
}

function readIfd(b: Buffer, at: number, le: boolean): Ifd {
  const u16 = (o: number): number => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number): number => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  if (at + 2 > b.length) throw damaged('TIFF ');
  const count = u16(at);
  if (at + 2 + count * 12 + 4 > b.length) throw damaged('TIFF ');
  const tags = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const e = at + 2 + i * 12;
    const tag = u16(e);
    const type = u16(e + 2);
    const n = u32(e + 4);
    const size = type === 3 ? 2 : type === 4 ? 4 : type === 5 ? 8 : type === 1 || type === 7 || type === 2 ? 1 : 0;
    if (size === 0 || n > 10_000_000) continue;
    const start = n * size <= 4 ? e + 8 : u32(e + 8);
    if (start + n * size > b.length) throw damaged('TIFF ');
    const values: number[] = [];
    // JPEGTables (type UNDEFINED) is kept as its offset and length.
    if (type === 7) values.push(start, n);
    else
      for (let k = 0; k < n; k++) {
        const o = start + k * size;
        values.push(type === 3 ? u16(o) : type === 4 ? u32(o) : type === 5 ? u32(o) / Math.max(1, u32(o + 4)) : b[o]!);
      }
    tags.set(tag, values);
  }
  return { tags, next: u32(at + 2 + count * 12) };
}

function reverseBits(data: Buffer): Buffer {
  const out = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i++) {
    let v = data[i]!;
    v = ((v & 0xf0) >> 4) | ((v & 0x0f) << 4);
    v = ((v & 0xcc) >> 2) | ((v & 0x33) << 2);
    out[i] = ((v & 0xaa) >> 1) | ((v & 0x55) << 1);
  }
  return out;
}

const TIFF_UNSUPPORTED = '这个 TIFF 图片的压缩或颜色方式暂不支持；请另存为 PDF、JPG 或 PNG 后提交';

function tiffPage(b: Buffer, ifd: Ifd): ImagePage {
  const tag = (id: number, fallback?: number): number => ifd.tags.get(id)?.[0] ?? fallback ?? NaN;
  const width = tag(256);
  const height = tag(257);
  checkPixels(width, height);
  const compression = tag(259, 1);
  const photometric = tag(262, 0);
  const spp = tag(277, 1);
  const bps = tag(258, 1);
  const predictor = tag(317, 1);
  if (tag(284, 1) !== 1 && spp > 1) throw new DecodeError(TIFF_UNSUPPORTED);
  if (ifd.tags.has(338)) throw new DecodeError('带透明通道的 TIFF 图片暂不支持；请另存为 PDF、JPG 或 PNG 后提交');
  const expected: Record<number, number> = { 0: 1, 1: 1, 2: 3, 3: 1, 5: 4, 6: 3 };
  if (expected[photometric] !== spp || ![1, 2, 4, 8, 16].includes(bps) || predictor > 2) throw new DecodeError(TIFF_UNSUPPORTED);
  if (photometric === 6 && compression !== 7) throw new DecodeError(TIFF_UNSUPPORTED);
  let space = photometric === 2 || photometric === 6 ? '/DeviceRGB' : photometric === 5 ? '/DeviceCMYK' : '/DeviceGray';
  if (photometric === 3) {
    const map = ifd.tags.get(320) ?? [];
    const entries = 1 << bps;
    if (map.length < entries * 3) throw damaged('TIFF ');
    let hex = '';
    for (let i = 0; i < entries; i++) for (let c = 0; c < 3; c++) hex += (map[c * entries + i]! >> 8).toString(16).padStart(2, '0');
    space = `[/Indexed /DeviceRGB ${entries - 1} <${hex}>]`;
  }
  const resolution = tag(282);
  const unit = tag(296, 2);
  const dpi = Number.isFinite(resolution) && resolution > 1 && unit !== 1 ? Math.round(unit === 3 ? resolution * 2.54 : resolution) : assumedDpi(width, height);
  const tiled = ifd.tags.has(322);
  const blockW = tiled ? tag(322) : width;
  const blockH = tiled ? tag(323) : Math.min(tag(278, height), height);
  const offsets = ifd.tags.get(tiled ? 324 : 273) ?? [];
  const counts = ifd.tags.get(tiled ? 325 : 279) ?? [];
  const across = Math.ceil(width / blockW);
  if (!(blockW > 0 && blockH > 0) || offsets.length === 0 || offsets.length !== counts.length || offsets.length > 100_000) throw damaged('TIFF ');
  const jpegTables = ifd.tags.get(347);
  const reversed = tag(266, 1) === 2;
  const images: PlacedImage[] = offsets.map((offset, i) => {
    const x = tiled ? (i % across) * blockW : 0;
    const y = tiled ? Math.floor(i / across) * blockH : i * blockH;
    // A strip at the foot of the image holds only the rows that are left; a tile is always whole.
    const rows = tiled ? blockH : Math.max(1, Math.min(blockH, height - y));
    if (offset + counts[i]! > b.length) throw damaged('TIFF ');
    let data: Buffer = b.subarray(offset, offset + counts[i]!);
    if (reversed) data = reverseBits(data);
    const base = `/Width ${blockW} /Height ${rows} /ColorSpace ${space} /BitsPerComponent ${bps}`;
    const invert = photometric === 0 ? ' /Decode [1 0]' : '';
    const predict = predictor === 2 ? ` /DecodeParms << /Predictor 2 /Colors ${spp} /BitsPerComponent ${bps} /Columns ${blockW} >>` : '';
    let dict: string;
    switch (compression) {
      case 1:
        dict = base + invert;
        break;
      case 4:
        // Fax coding speaks of white and black runs: black is black unless 0 means black (BlackIsZero).
        dict = `/Width ${blockW} /Height ${rows} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns ${blockW} /Rows ${rows}${photometric === 1 ? ' /BlackIs1 true' : ''} >>`;
        break;
      case 5:
        dict = `${base}${invert} /Filter /LZWDecode${predict}`;
        break;
      case 8:
      case 32946:
        dict = `${base}${invert} /Filter /FlateDecode${predict}`;
        break;
      case 32773:
        dict = `${base}${invert} /Filter /RunLengthDecode`;
        break;
      case 7: {
        // Strips share their tables (JPEGTables): tables without their end marker, then the strip without its start.
        if (jpegTables) data = Buffer.concat([b.subarray(jpegTables[0]!, jpegTables[0]! + jpegTables[1]! - 2), data.subarray(2)]);
        const transform = photometric === 2 ? ' /DecodeParms << /ColorTransform 0 >>' : '';
        dict = `/Width ${blockW} /Height ${rows} /ColorSpace ${space === '/DeviceGray' ? space : '/DeviceRGB'} /BitsPerComponent 8 /Filter /DCTDecode${transform}`;
        break;
      }
      default:
        throw new DecodeError(TIFF_UNSUPPORTED);
    }
    return { image: { dict, data }, x, y, width: blockW, height: rows };
  });
  return { width, height, dpi, images };
}

function tiffPages(b: Buffer): ImagePage[] {
  const le = b[0] === 0x49;
  const u32 = (o: number): number => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const pages: ImagePage[] = [];
  const seen = new Set<number>();
  for (let at = u32(4); at !== 0; ) {
    if (seen.has(at) || pages.length >= MAX_TIFF_PAGES) throw damaged('TIFF ');
    seen.add(at);
    const ifd = readIfd(b, at, le);
    // Reduced-resolution copies (thumbnails) are not pages.
    if ((ifd.tags.get(254)?.[0] ?? 0) & 1) {
      at = ifd.next;
      continue;
    }
    pages.push(tiffPage(b, ifd));
    at = ifd.next;
  }
  if (pages.length === 0) throw damaged('TIFF ');
  return pages;
}

// ---- the PDF ----------------------------------------------------------------------------------

function writePdf(pages: ImagePage[]): Uint8Array {
  const objects: Buffer[][] = [];
  const add = (...parts: Array<string | Buffer>): number => objects.push(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
  const catalog = add('');
  const tree = add('');
  const kids: number[] = [];
  for (const page of pages) {
    const scale = 72 / page.dpi;
    const w = page.width * scale;
    const h = page.height * scale;
    const names: string[] = [];
    let ops = '';
    page.images.forEach((p, i) => {
      const id = add(`<< /Type /XObject /Subtype /Image ${p.image.dict} /Length ${p.image.data.length} >>\nstream\n`, p.image.data, '\nendstream');
      names.push(`/I${i} ${id} 0 R`);
      ops += `q ${(p.width * scale).toFixed(3)} 0 0 ${(p.height * scale).toFixed(3)} ${(p.x * scale).toFixed(3)} ${(h - (p.y + p.height) * scale).toFixed(3)} cm /I${i} Do Q\n`;
    });
    const content = add(`<< /Length ${ops.length} >>\nstream\n${ops}endstream`);
    kids.push(add(`<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${w.toFixed(3)} ${h.toFixed(3)}] /Resources << /XObject << ${names.join(' ')} >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = [Buffer.from(`<< /Type /Catalog /Pages ${tree} 0 R >>`)];
  objects[tree - 1] = [Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`)];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let size = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((parts, i) => {
    offsets.push(size);
    for (const part of [Buffer.from(`${i + 1} 0 obj\n`), ...parts, Buffer.from('\nendobj\n')]) {
      chunks.push(part);
      size += part.length;
    }
  });
  chunks.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${size}\n%%EOF\n`,
      'latin1',
    ),
  );
  return new Uint8Array(Buffer.concat(chunks));
}

/** The pages of a page image (a TIFF may hold many) as a PDF for the scanned-PDF path. */
export function imageToPdf(bytes: Uint8Array, kind: ImageKind): { pdf: Uint8Array; pages: number } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pages: ImagePage[];
  try {
    pages = kind === 'jpeg' ? [jpegPage(b)] : kind === 'png' ? [pngPage(b)] : tiffPages(b);
  } catch (err) {
    if (err instanceof DecodeError) throw err;
    throw damaged(kind === 'jpeg' ? 'JPEG ' : kind === 'png' ? 'PNG ' : 'TIFF ');
  }
  return { pdf: writePdf(pages), pages: pages.length };
}

// .ofd → text. OFD (GB/T 33190, the national format of electronic official documents) is a zip: OFD.xml
// names each document's Document.xml, which lists the pages; a page's Content.xml holds layers of
// positioned objects. Text objects (TextObject/TextCode, positioned by Boundary, X/Y and DeltaX, in mm)
// are placed on the page and laid out into paragraphs like a PDF's text layer (layout.ts). Signatures
// (Signs/), annotations (stamps among them), images (the seal) and template pages (backgrounds shared by
// the pages: frames, watermarks such as 内部资料) are never read.
import type { Element } from '@xmldom/xmldom';
import { DecodeError } from './errors.js';
import { dropPageFurniture, isCjk, linesOfPage, rebuildParagraphs, type Line, type Piece } from './layout.js';
import { childElements, XmlPackage } from './ooxml.js';
import { openZip, type ZipContainer } from './zipfile.js';

const MAX_PARTS = 20000;
const MAX_PART_BYTES = 64 * 1024 * 1024;
const KIND = 'OFD 文档';

/** OFD elements by local name: producers differ in prefixes and some omit the namespace. */
function children(el: Element | null, local: string): Element[] {
  return el ? childElements(el).filter((c) => c.localName === local) : [];
}

function child(el: Element | null, local: string): Element | null {
  return children(el, local)[0] ?? null;
}

function numbers(s: string | null): number[] {
  return (s ?? '').trim().split(/\s+/).filter((x) => x !== '').map(Number).filter(Number.isFinite);
}

/** DeltaX with its shorthand: "g 3 4.2" is three advances of 4.2 mm. */
export function expandDeltas(s: string | null): number[] {
  const tokens = (s ?? '').trim().split(/\s+/).filter((x) => x !== '');
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const count = Number(tokens[i + 1]);
      const value = Number(tokens[i + 2]);
      if (Number.isFinite(count) && Number.isFinite(value)) for (let k = 0; k < Math.min(count, 100000); k++) out.push(value);
      i += 2;
    } else if (Number.isFinite(Number(tokens[i]))) out.push(Number(tokens[i]));
  }
  return out;
}

class OfdPackage extends XmlPackage {
  constructor(zip: ZipContainer) {
    super(zip, KIND, MAX_PART_BYTES);
  }

  /** A path as OFD writes it: absolute ("/Doc_0/…") or relative to the folder of the part naming it. */
  resolve(dir: string, loc: string): string {
    const raw = loc.trim().replace(/\\/g, '/');
    // Some producers write package-absolute paths without the leading slash: tried second.
    const names = (raw.startsWith('/') ? [raw] : [dir + raw, raw]).map(normalizePath);
    return names.find((n) => this.has(n)) ?? names[0]!;
  }
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const s of path.split('/')) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

const dirOf = (name: string): string => (name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '');

/** The text objects under a page's Content (layers, page blocks), walked without recursion. */
function textObjects(content: Element | null): Element[] {
  const out: Element[] = [];
  const stack = content ? [content] : [];
  while (stack.length > 0) {
    const el = stack.pop()!;
    for (const c of childElements(el)) {
      if (c.localName === 'TextObject') out.push(c);
      else if (c.localName === 'Layer' || c.localName === 'PageBlock') stack.push(c);
    }
  }
  return out;
}

/** Each character of a text object placed on the page (y flipped to grow upwards, as layout.ts reads it). */
function piecesOf(obj: Element): Piece[] {
  const [bx = 0, by = 0] = numbers(obj.getAttribute('Boundary'));
  const size = Number(obj.getAttribute('Size')) || 3.5;
  const ctm = numbers(obj.getAttribute('CTM'));
  const [a, b, c, d, e, f] = ctm.length === 6 ? ctm : [1, 0, 0, 1, 0, 0];
  const scale = Math.sqrt(Math.abs(a! * d! - b! * c!)) || 1;
  const pieces: Piece[] = [];
  // A TextCode without X (or Y) takes the previous TextCode's X (or Y): lines of one object share a left.
  let codeX = 0;
  let y = 0;
  for (const code of children(obj, 'TextCode')) {
    const cx = code.getAttribute('X');
    const cy = code.getAttribute('Y');
    if (cx !== null && cx !== '') codeX = Number(cx) || 0;
    if (cy !== null && cy !== '') y = Number(cy) || 0;
    let x = codeX;
    const deltas = expandDeltas(code.getAttribute('DeltaX'));
    const chars = Array.from(code.textContent ?? '');
    chars.forEach((ch, i) => {
      // Without font metrics a glyph's width is a guess; the advance to the next character, where given,
      // is not, unless it jumps (spacing out a column), so the guess bounds it.
      const width = isCjk(ch) ? size : size * 0.55;
      const advance = deltas[i] ?? width;
      const px = a! * x + c! * y + e! + bx;
      const py = b! * x + d! * y + f! + by;
      if (ch.trim() !== '' || ch === ' ') pieces.push({ str: ch, x: px, y: -py, size: size * scale, right: px + Math.min(advance, 1.5 * width) * scale });
      x += advance;
    });
  }
  return pieces;
}

async function readDocument(pkg: OfdPackage, docRoot: string, pages: Line[][]): Promise<number> {
  const document = await pkg.xml(docRoot);
  if (!document?.documentElement) throw new DecodeError(`${KIND}已损坏：找不到 ${docRoot}`);
  const dir = dirOf(docRoot);
  const pageList = children(child(document.documentElement, 'Pages'), 'Page');
  for (const page of pageList) {
    const loc = page.getAttribute('BaseLoc');
    if (!loc) continue;
    const name = pkg.resolve(dir, loc);
    const content = await pkg.xml(name);
    if (!content?.documentElement) throw new DecodeError(`${KIND}已损坏：找不到页面 ${name}`);
    const pieces = textObjects(child(content.documentElement, 'Content')).flatMap(piecesOf);
    pages.push(linesOfPage(pieces, pages.length + 1));
  }
  return pageList.length;
}

export async function decodeOfd(bytes: Uint8Array): Promise<string> {
  let zip: ZipContainer;
  try {
    zip = await openZip(bytes, MAX_PARTS);
  } catch (err) {
    if (err instanceof DecodeError) throw new DecodeError(`${KIND}（.ofd）不完整或已损坏，无法打开，可能是上传或拷贝时被截断；请重新导出后提交`);
    throw err;
  }
  try {
    const pkg = new OfdPackage(zip);
    const root = await pkg.xml('OFD.xml');
    if (!root?.documentElement) throw new DecodeError('文件扩展名是 .ofd，但内容不是 OFD 版式文档（找不到 OFD.xml）；请确认提交的是报告本身');
    const pages: Line[][] = [];
    let pageCount = 0;
    for (const body of children(root.documentElement, 'DocBody')) {
      const docRoot = child(body, 'DocRoot')?.textContent?.trim();
      if (docRoot) pageCount += await readDocument(pkg, pkg.resolve('', docRoot), pages);
    }
    if (pageCount === 0) throw new DecodeError(`${KIND}没有页面（OFD.xml 未指向任何文档页面）`);
    const text = rebuildParagraphs(dropPageFurniture(pages).flat());
    if (text.replace(/\s/g, '').length === 0) {
      throw new DecodeError(`${KIND}没有文字内容（页面只有图片，可能是扫描件转成的 OFD）；请提交 Word、PDF 或文本版本`);
    }
    return text;
  } finally {
    zip.close();
  }
}

// .docx → text: the body in reading order, one paragraph per line, Word's automatic list numbering written
// out as text, tables as tab-separated rows. Headers, footers, comments and footnotes live in other parts
// and are never read; deleted revisions, field codes, hidden text and tables of contents are left out.
import type { Document, Element } from '@xmldom/xmldom';
import { Numbering, numberingFromXml } from './docx-numbering.js';
import { DecodeError } from './errors.js';
import { childElements, isOn, isW, MC_NAMESPACE, valOf, wAttr, wChild, wChildren, XmlPackage } from './ooxml.js';
import { openZip, type ZipContainer } from './zipfile.js';

/** A .docx with images can have thousands of parts; the text parts themselves stay far below this. */
const MAX_PARTS = 20000;
const MAX_PART_BYTES = 64 * 1024 * 1024;
/**
 * Tables in cells, content controls, text boxes and inline containers nest a handful of levels in real
 * documents; a crafted one nests thousands deep to overflow the stack of the walk below.
 */
export const MAX_NESTING = 64;
const NESTING_MESSAGE = `Word 文档结构异常：表格、内容控件或文本框嵌套超过 ${MAX_NESTING} 层（正常文档不会如此，可能是被恶意构造的文件），已拒绝读取`;

interface StyleDef {
  name: string;
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
}

// ---- package ------------------------------------------------------------------------------------

class DocxPackage extends XmlPackage {
  constructor(zip: ZipContainer) {
    super(zip, 'Word 文档', MAX_PART_BYTES);
  }

  /** Targets of a part's relationships, by relationship type suffix ("/styles"), resolved to part names. */
  async relationships(sourcePart: string): Promise<Map<string, string>> {
    const dir = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1) : '';
    const relsName = `${dir}_rels/${sourcePart.slice(dir.length)}.rels`;
    const doc = await this.xml(relsName);
    const out = new Map<string, string>();
    if (!doc?.documentElement) return out;
    for (const rel of childElements(doc.documentElement)) {
      const type = rel.getAttribute('Type') ?? '';
      const target = rel.getAttribute('Target') ?? '';
      if (rel.getAttribute('TargetMode') === 'External' || !target) continue;
      const kind = type.slice(type.lastIndexOf('/'));
      if (!out.has(kind)) out.set(kind, resolvePartName(dir, target));
    }
    return out;
  }
}

function resolvePartName(dir: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

function notWordReason(pkg: DocxPackage): string {
  if (pkg.has('xl/workbook.xml')) return '这是 Excel 表格（.xlsx），不是 Word 文档；请提交报告正文';
  if (pkg.has('ppt/presentation.xml')) return '这是 PowerPoint 演示文稿（.pptx），不是 Word 文档；请提交报告正文';
  return '文件扩展名是 .docx，但内容是普通 ZIP 压缩包（没有 Word 正文）；如果是打包的多份报告，请改为 .zip 扩展名';
}

// ---- styles -------------------------------------------------------------------------------------

function parseStyles(doc: Document | null): Map<string, StyleDef> {
  const styles = new Map<string, StyleDef>();
  if (!doc?.documentElement) return styles;
  for (const s of wChildren(doc.documentElement, 'style')) {
    const id = wAttr(s, 'styleId');
    if (id === null) continue;
    const numPr = wChild(wChild(s, 'pPr') ?? s, 'numPr');
    const ilvl = valOf(numPr, 'ilvl');
    styles.set(id, {
      name: valOf(s, 'name') ?? id,
      basedOn: valOf(s, 'basedOn'),
      numId: valOf(numPr, 'numId'),
      ilvl: ilvl === null ? null : Number.parseInt(ilvl, 10),
    });
  }
  return styles;
}

/** A paragraph style's list (its own or inherited through basedOn). */
function styleNumbering(styles: Map<string, StyleDef>, styleId: string): { numId: string; ilvl: number | null } | null {
  const seen = new Set<string>();
  for (let id: string | null = styleId; id !== null && !seen.has(id); ) {
    seen.add(id);
    const s = styles.get(id);
    if (!s) return null;
    if (s.numId !== null) return { numId: s.numId, ilvl: s.ilvl };
    id = s.basedOn;
  }
  return null;
}

// ---- body ---------------------------------------------------------------------------------------

/** Runs `walk` one level deeper, refusing the document past MAX_NESTING levels. */
function deeper<T>(depth: { level: number }, walk: () => T): T {
  if (++depth.level > MAX_NESTING) throw new DecodeError(NESTING_MESSAGE);
  try {
    return walk();
  } finally {
    depth.level--;
  }
}

class BodyReader {
  readonly lines: string[] = [];
  private readonly depth = { level: 0 };
  constructor(
    private readonly styles: Map<string, StyleDef>,
    private readonly numbering: Numbering,
  ) {}

  blocks(container: Element, out: string[] = this.lines): void {
    deeper(this.depth, () => this.blocksAt(container, out));
  }

  private blocksAt(container: Element, out: string[]): void {
    for (const el of childElements(container)) {
      if (isW(el, 'p')) this.paragraph(el, out);
      else if (isW(el, 'tbl')) this.table(el, out);
      else if (isW(el, 'sdt')) {
        if (!isTableOfContents(el)) this.blocks(wChild(el, 'sdtContent') ?? el, out);
      } else if (isW(el, 'customXml') || isW(el, 'ins') || isW(el, 'moveTo')) this.blocks(el, out);
    }
  }

  private paragraph(p: Element, out: string[]): void {
    const pPr = wChild(p, 'pPr');
    const styleId = valOf(pPr, 'pStyle');
    // A table of contents repeats the headings with page numbers; the headings themselves follow.
    if (styleId !== null && /^toc \d/i.test(this.styles.get(styleId)?.name ?? '')) return;
    const boxes: Element[] = [];
    const text = this.inline(p, boxes);
    const label = this.label(pPr, styleId);
    const line = (label ?? '') + text;
    for (const l of line.split('\n')) if (l.trim() !== '') out.push(l.trimEnd());
    // Text boxes anchored in the paragraph are read after it.
    for (const box of boxes) this.blocks(box, out);
  }

  private label(pPr: Element | null, styleId: string | null): string | null {
    const numPr = pPr ? wChild(pPr, 'numPr') : null;
    const own = { numId: valOf(numPr, 'numId'), ilvl: valOf(numPr, 'ilvl') };
    const fromStyle = styleId !== null ? styleNumbering(this.styles, styleId) : null;
    const numId = own.numId ?? fromStyle?.numId ?? null;
    // numId 0 switches off a list the style would bring.
    if (numId === null || numId === '0') return null;
    let ilvl = own.ilvl !== null ? Number.parseInt(own.ilvl, 10) : (fromStyle?.ilvl ?? null);
    if (ilvl === null && styleId !== null) ilvl = this.numbering.levelForStyle(numId, styleId);
    return this.numbering.next(numId, ilvl ?? 0);
  }

  /** Runs and their containers, in order; text boxes found on the way are collected into `boxes`. */
  private inline(el: Element, boxes: Element[]): string {
    return deeper(this.depth, () => this.inlineAt(el, boxes));
  }

  private inlineAt(el: Element, boxes: Element[]): string {
    let s = '';
    for (const c of childElements(el)) {
      if (c.namespaceURI === MC_NAMESPACE) {
        // mc:AlternateContent carries the same content twice (modern Choice, VML Fallback): read one.
        if (c.localName === 'AlternateContent') {
          const choice = childElements(c).find((x) => x.localName === 'Choice') ?? childElements(c).find((x) => x.localName === 'Fallback');
          if (choice) s += this.inline(choice, boxes);
        }
        continue;
      }
      if (isW(c, 'r')) s += this.run(c, boxes);
      else if (isW(c, 'del') || isW(c, 'moveFrom') || isW(c, 'pPr')) continue;
      else if (isW(c, 'txbxContent')) boxes.push(c);
      else if (isW(c, 'sdt')) s += this.inline(wChild(c, 'sdtContent') ?? c, boxes);
      else s += this.inline(c, boxes); // w:hyperlink, w:ins, w:smartTag, w:fldSimple, drawings …
    }
    return s;
  }

  private run(r: Element, boxes: Element[]): string {
    const rPr = wChild(r, 'rPr');
    if (isOn(rPr, 'vanish') || isOn(rPr, 'webHidden')) return '';
    let s = '';
    for (const c of childElements(r)) {
      if (isW(c, 't')) s += c.textContent ?? '';
      else if (isW(c, 'tab') || isW(c, 'ptab')) s += '\t';
      else if (isW(c, 'br')) {
        const type = wAttr(c, 'type');
        if (type !== 'page' && type !== 'column') s += '\n';
      } else if (isW(c, 'cr')) s += '\n';
      else if (isW(c, 'noBreakHyphen')) s += '-';
      // w:instrText (field codes), w:delText, note and comment references: not part of the body text.
      else if (isW(c, 'rPr') || isW(c, 'instrText') || isW(c, 'delText')) continue;
      else if (c.localName === 'drawing' || c.localName === 'pict' || c.namespaceURI === MC_NAMESPACE) collectTextBoxes(c, boxes, this.depth);
    }
    return s;
  }

  private table(tbl: Element, out: string[]): void {
    for (const tr of rowsOf(tbl, this.depth)) {
      const cells = childElements(tr)
        .flatMap((c) => (isW(c, 'sdt') ? childElements(wChild(c, 'sdtContent') ?? c) : [c]))
        .filter((c) => isW(c, 'tc'))
        .map((tc) => {
          const lines: string[] = [];
          this.blocks(tc, lines);
          // A cell's paragraphs stay on the row's line: tabs separate cells, newlines rows.
          return lines.map((l) => l.replace(/\t/g, ' ').trim()).join(' ');
        });
      if (cells.some((c) => c !== '')) out.push(cells.join('\t').trimEnd());
    }
  }
}

function rowsOf(tbl: Element, depth: { level: number }): Element[] {
  return deeper(depth, () =>
    childElements(tbl).flatMap((c) => {
      if (isW(c, 'tr')) return [c];
      if (isW(c, 'sdt')) return rowsOf(wChild(c, 'sdtContent') ?? c, depth);
      if (isW(c, 'customXml')) return rowsOf(c, depth);
      return [];
    }),
  );
}

function collectTextBoxes(el: Element, boxes: Element[], depth: { level: number }): void {
  deeper(depth, () => {
    for (const c of childElements(el)) {
      if (c.namespaceURI === MC_NAMESPACE && c.localName === 'Fallback') continue;
      if (isW(c, 'txbxContent')) boxes.push(c);
      else collectTextBoxes(c, boxes, depth);
      if (c.namespaceURI === MC_NAMESPACE && c.localName === 'Choice') return;
    }
  });
}

function isTableOfContents(sdt: Element): boolean {
  const gallery = valOf(wChild(wChild(sdt, 'sdtPr') ?? sdt, 'docPartObj'), 'docPartGallery');
  return gallery !== null && /table of contents/i.test(gallery);
}

// ---- entry point --------------------------------------------------------------------------------

async function openDocx(bytes: Uint8Array): Promise<ZipContainer> {
  try {
    return await openZip(bytes, MAX_PARTS);
  } catch (err) {
    if (err instanceof DecodeError) throw new DecodeError('Word 文档（.docx）不完整或已损坏，无法打开，可能是上传或拷贝时被截断；请重新保存后提交');
    throw err;
  }
}

export async function decodeDocx(bytes: Uint8Array): Promise<string> {
  const zip = await openDocx(bytes);
  try {
    const pkg = new DocxPackage(zip);
    const main = (await pkg.relationships('')).get('/officeDocument') ?? 'word/document.xml';
    const document = await pkg.xml(main);
    if (!document) throw new DecodeError(notWordReason(pkg));
    const rels = await pkg.relationships(main);
    const styles = parseStyles(await pkg.xml(rels.get('/styles') ?? 'word/styles.xml'));
    const numbering = new Numbering(numberingFromXml(await pkg.xml(rels.get('/numbering') ?? 'word/numbering.xml')), (id) => styles.get(id)?.numId ?? null);
    const body = document.documentElement ? wChild(document.documentElement, 'body') : null;
    if (!body) throw new DecodeError('Word 文档已损坏：找不到正文（w:body）');
    const reader = new BodyReader(styles, numbering);
    reader.blocks(body);
    const text = reader.lines.join('\n');
    if (text.trim() === '') throw new DecodeError('Word 文档没有文字内容（可能只有图片或扫描件，需要先做文字识别）');
    return text;
  } finally {
    zip.close();
  }
}

// Zipped XML documents (Word's packages, OFD): their parts by name, parsed, with the document named in a
// refusal; and WordprocessingML helpers matching elements and attributes of the `w:` vocabulary by
// namespace (Transitional or Strict), never by the prefix a writer happened to choose.
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { DecodeError } from './errors.js';
import type { ZipContainer, ZipItem } from './zipfile.js';

const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
export const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** A part of a zipped XML document (Word, OFD); `documentKind` names the document in the refusal. */
export function parseXmlPart(bytes: Uint8Array, partName: string, documentKind = 'Word 文档'): Document {
  // Office writes UTF-8; a UTF-16 part announces itself with a BOM.
  const label = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const source = new TextDecoder(label).decode(bytes);
  try {
    return new DOMParser({
      locator: false,
      onError: (level, msg) => {
        if (level !== 'warning') throw new Error(msg);
      },
    }).parseFromString(source, 'text/xml');
  } catch {
    throw new DecodeError(`${documentKind}已损坏：${partName} 不是有效的 XML（文件可能被截断或被其他程序改坏）`);
  }
}

/** The parts of a zipped XML document, by name (case-insensitive, as OPC says and OFD producers vary). */
export class XmlPackage {
  private readonly byName = new Map<string, ZipItem>();
  constructor(
    private readonly zip: ZipContainer,
    /** "Word 文档", "OFD 文档": what a refusal calls the document. */
    private readonly documentKind: string,
    private readonly maxPartBytes: number,
  ) {
    for (const item of zip.items) this.byName.set(item.name.replace(/^\//, '').toLowerCase(), item);
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  async xml(name: string): Promise<Document | null> {
    const item = this.byName.get(name.toLowerCase());
    if (!item) return null;
    let bytes: Uint8Array;
    try {
      bytes = await this.zip.read(item, this.maxPartBytes);
    } catch (err) {
      if (err instanceof DecodeError) throw new DecodeError(`${this.documentKind}已损坏：${name} ${err.message}`);
      throw err;
    }
    return parseXmlPart(bytes, name, this.documentKind);
  }
}

export function isW(node: { nodeType: number; namespaceURI?: string | null; localName?: string | null }, local: string): boolean {
  return node.nodeType === 1 && node.localName === local && W_NAMESPACES.has(node.namespaceURI ?? '');
}

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

export function wChild(el: Element, local: string): Element | null {
  for (let n = el.firstChild; n; n = n.nextSibling) if (isW(n, local)) return n as Element;
  return null;
}

export function wChildren(el: Element, local: string): Element[] {
  return childElements(el).filter((c) => isW(c, local));
}

/** A `w:` attribute such as w:val. */
export function wAttr(el: Element | null, local: string): string | null {
  if (!el) return null;
  for (const ns of W_NAMESPACES) {
    const v = el.getAttributeNS(ns, local);
    if (v !== null) return v;
  }
  return null;
}

/** w:val of a child element, e.g. valOf(pPr, 'pStyle'). */
export function valOf(el: Element | null, childLocal: string): string | null {
  return el ? wAttr(wChild(el, childLocal), 'val') : null;
}

/** On/off properties (w:vanish, w:isLgl): present means on unless w:val says false. */
export function isOn(el: Element | null, childLocal: string): boolean {
  const c = el ? wChild(el, childLocal) : null;
  if (!c) return false;
  const v = wAttr(c, 'val');
  return v === null || !/^(false|0|off)$/i.test(v);
}

export function intOf(s: string | null): number | null {
  if (s === null) return null;
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) ? n : null;
}

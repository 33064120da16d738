// .doc and .wps → text: Word 97–2003 binary documents (and WPS's .wps, which mostly follows them) read
// by word-extractor, the body one paragraph per line and table rows as tab-separated cells. Like the
// .docx reader, the list numbers Word generates (一、 （一） 1.) are written out as text: they are not in
// the document's characters but in its list tables (PlfLst/PlfLfo) and in each paragraph's properties
// (sprmPIlfo/sprmPIlvl, directly or through its style), which word-extractor does not read — so this
// module reads them ([MS-DOC] 2.4.6, 2.9.131–150) and puts each label in front of its paragraph.
// The OLE container is checked before word-extractor walks it: a crafted file's cyclic sector chains
// would otherwise loop forever.
import type { Document } from 'word-extractor';
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import { clean } from 'word-extractor/lib/filters.js';
import AllocationTable from 'word-extractor/lib/ole-allocation-table.js';
import OleCompoundDoc from 'word-extractor/lib/ole-compound-doc.js';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import { Numbering, type LevelDef, type NumberingDefs, type NumDef } from './docx-numbering.js';
import { DecodeError } from './errors.js';

/** Number formats (nfc, [MS-DOC] 2.9.136/MSONFC) in the order of OOXML's ST_NumberFormat. */
const NFC = [
  'decimal', 'upperRoman', 'lowerRoman', 'upperLetter', 'lowerLetter', 'ordinal', 'cardinalText', 'ordinalText', 'hex',
  'chicago', 'ideographDigital', 'japaneseCounting', 'aiueo', 'iroha', 'decimalFullWidth', 'decimalHalfWidth',
  'japaneseLegal', 'japaneseDigitalTenThousand', 'decimalEnclosedCircle', 'decimalFullWidth2', 'aiueoFullWidth',
  'irohaFullWidth', 'decimalZero', 'bullet', 'ganada', 'chosung', 'decimalEnclosedFullstop', 'decimalEnclosedParen',
  'decimalEnclosedCircleChinese', 'ideographEnclosedCircle', 'ideographTraditional', 'ideographZodiac',
  'ideographZodiacTraditional', 'taiwaneseCounting', 'ideographLegalTraditional', 'taiwaneseCountingThousand',
  'taiwaneseDigital', 'chineseCounting', 'chineseLegalSimplified', 'chineseCountingThousand',
];

const SPRM_P_ILVL = 0x260a;
const SPRM_P_ILFO = 0x460b;

// ---- the OLE container, guarded ------------------------------------------------------------------

/** Sector chains that end: a chain that meets itself again is refused instead of followed forever. */
class GuardedAllocationTable extends AllocationTable {
  override getSecIdChain(startSecId: number): number[] {
    const chain: number[] = [];
    const seen = new Set<number>();
    for (let secId = startSecId; secId >= 0; secId = this._table[secId] ?? -2) {
      if (seen.has(secId)) throw new Error('cyclic sector chain');
      seen.add(secId);
      chain.push(secId);
    }
    return chain;
  }
}

/** word-extractor's container reader with the guarded tables in place of its own. */
class GuardedCompoundDoc extends OleCompoundDoc {
  protected override _readSAT(): Promise<void> {
    this._SAT = new GuardedAllocationTable(this);
    return this._SAT.load(this._MSAT);
  }

  protected override _readSSAT(): Promise<void> {
    const secIds = this._SAT.getSecIdChain(this._header.SSATSecId);
    if (secIds.length !== this._header.SSATSize) return Promise.reject(new Error('Invalid Short Sector Allocation Table'));
    this._SSAT = new GuardedAllocationTable(this);
    return this._SSAT.load(secIds);
  }
}

/** The header fields word-extractor sizes its reads by, checked against the file's own size. */
function checkCompoundHeader(buf: Buffer): void {
  const bad = (): never => {
    throw new DecodeError('文档内部结构已损坏（OLE 文件头异常），无法读取');
  };
  if (buf.length < 1024) bad();
  const sectorShift = buf.readUInt16LE(30);
  const miniShift = buf.readUInt16LE(32);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) bad();
  const sectors = Math.ceil(buf.length / (1 << sectorShift));
  for (const at of [44, 64, 72]) {
    const count = buf.readInt32LE(at);
    if (count < 0 || count > sectors) bad();
  }
}

// ---- list tables ---------------------------------------------------------------------------------

/** Sprms of a grpprl: (sprm, operand offset) pairs, [MS-DOC] 2.6.1. */
function* sprms(buf: Buffer, start: number, end: number): Generator<[number, number]> {
  let at = start;
  while (at + 2 <= end) {
    const sprm = buf.readUInt16LE(at);
    at += 2;
    yield [sprm, at];
    const spra = sprm >> 13;
    if (spra === 0 || spra === 1) at += 1;
    else if (spra === 2 || spra === 4 || spra === 5) at += 2;
    else if (spra === 3) at += 4;
    else if (spra === 7) at += 3;
    // spra 6: length-prefixed (sprmTDefTable and sprmPChgTabs prefix a 2-byte length).
    else if (sprm === 0xd608) at += 2 + (at + 1 < end ? buf.readUInt16LE(at) : 0);
    else at += 1 + (at < end ? buf[at]! : 0);
  }
}

interface ListProps {
  ilfo: number | null;
  ilvl: number | null;
}

function listProps(buf: Buffer, start: number, end: number): ListProps {
  const props: ListProps = { ilfo: null, ilvl: null };
  for (const [sprm, at] of sprms(buf, start, end)) {
    if (sprm === SPRM_P_ILFO && at + 2 <= end) props.ilfo = buf.readInt16LE(at);
    else if (sprm === SPRM_P_ILVL && at < end) props.ilvl = buf[at]!;
  }
  return props;
}

/** An LVL ([MS-DOC] 2.9.150): its LVLF, then grpprlPapx, grpprlChpx and the number text. */
function readLevel(table: Buffer, at: number): { level: LevelDef; end: number } {
  const start = table.readInt32LE(at);
  const nfc = table[at + 4]!;
  const flags = table[at + 5]!;
  const follow = table[at + 15]!;
  const cbChpx = table[at + 24]!;
  const cbPapx = table[at + 25]!;
  const restartLim = table[at + 26]!;
  let p = at + 28 + cbPapx + cbChpx;
  const cch = table.readUInt16LE(p);
  p += 2;
  let lvlText = '';
  for (let i = 0; i < cch; i++) {
    const code = table.readUInt16LE(p + 2 * i);
    // Characters 0–8 stand for the numbers of levels 1–9.
    lvlText += code < 9 ? `%${code + 1}` : String.fromCharCode(code);
  }
  const numFmt = nfc === 0xff ? 'none' : (NFC[nfc] ?? 'decimal');
  const level: LevelDef = {
    start,
    numFmt,
    // A bullet is a glyph of a symbol font (Wingdings' "l" is ●, Symbol's "·" is •): it reads as "•".
    lvlText: numFmt === 'bullet' && /^[\x20-\xff]$/.test(lvlText) ? '•' : lvlText,
    restart: flags & 0x08 ? restartLim : null,
    isLgl: (flags & 0x04) !== 0,
    suff: follow === 1 ? 'space' : follow === 2 ? 'nothing' : 'tab',
    pStyle: null,
  };
  return { level, end: p + 2 * cch };
}

/** PlfLst with the LVLs that follow it, and PlfLfo with its overrides, as the .docx reader's definitions. */
function readNumbering(word: Buffer, table: Buffer): NumberingDefs {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map(), styleLinks: new Map() };
  const fcLst = word.readUInt32LE(738);
  const lcbLst = word.readUInt32LE(742);
  const fcLfo = word.readUInt32LE(746);
  const lcbLfo = word.readUInt32LE(750);
  if (lcbLst >= 2) {
    const count = table.readInt16LE(fcLst);
    let lvlAt = fcLst + lcbLst;
    for (let i = 0; i < count; i++) {
      const lstf = fcLst + 2 + i * 28;
      const lsid = table.readInt32LE(lstf);
      const simple = (table[lstf + 26]! & 0x01) !== 0;
      const levels = new Map<number, LevelDef>();
      for (let l = 0; l < (simple ? 1 : 9); l++) {
        const { level, end } = readLevel(table, lvlAt);
        levels.set(l, level);
        lvlAt = end;
      }
      defs.abstracts.set(String(lsid), levels);
    }
  }
  if (lcbLfo >= 4) {
    const count = table.readInt32LE(fcLfo);
    let dataAt = fcLfo + 4 + count * 16;
    for (let i = 0; i < count; i++) {
      const lfo = fcLfo + 4 + i * 16;
      const lsid = table.readInt32LE(lfo);
      const levelOverrides = table[lfo + 12]!;
      const num: NumDef = { abstractId: String(lsid), overrides: new Map() };
      dataAt += 4; // LFOData.cp
      for (let k = 0; k < levelOverrides; k++) {
        const startAt = table.readInt32LE(dataAt);
        const bits = table[dataAt + 4]!;
        dataAt += 8;
        let lvl: LevelDef | null = null;
        if (bits & 0x20) {
          const read = readLevel(table, dataAt);
          lvl = read.level;
          dataAt = read.end;
        }
        num.overrides.set(bits & 0x0f, { start: bits & 0x10 ? startAt : null, lvl });
      }
      // Paragraphs name a list by its 1-based position in PlfLfo (ilfo).
      defs.nums.set(String(i + 1), num);
    }
  }
  return defs;
}

/** Each paragraph style's list ([MS-DOC] 2.9.271 STSH), following istdBase. */
function readStyleLists(word: Buffer, table: Buffer): (istd: number) => ListProps {
  const fc = word.readUInt32LE(162);
  const lcb = word.readUInt32LE(166);
  const own = new Map<number, ListProps & { base: number }>();
  if (lcb >= 4) {
    const cbStshi = table.readUInt16LE(fc);
    const cstd = table.readUInt16LE(fc + 2);
    const cbStdBase = table.readUInt16LE(fc + 4);
    let at = fc + 2 + cbStshi;
    for (let istd = 0; istd < cstd && at + 2 <= fc + lcb; istd++) {
      const cbStd = table.readUInt16LE(at);
      const std = at + 2;
      at = std + cbStd;
      if (cbStd === 0) continue;
      const kindAndBase = table.readUInt16LE(std + 2);
      const paragraphStyle = (kindAndBase & 0x0f) === 1;
      if (!paragraphStyle) continue;
      let p = std + cbStdBase;
      const nameLength = table.readUInt16LE(p);
      p += 2 + 2 * nameLength + 2;
      if ((p - std) % 2 !== 0) p++;
      const cbUpx = table.readUInt16LE(p);
      // UpxPapx: istd, then the style's paragraph sprms.
      own.set(istd, { ...listProps(table, p + 4, p + 2 + cbUpx), base: kindAndBase >> 4 });
    }
  }
  return (istd) => {
    const props: ListProps = { ilfo: null, ilvl: null };
    const seen = new Set<number>();
    for (let id = istd; id !== 0x0fff && !seen.has(id); ) {
      seen.add(id);
      const s = own.get(id);
      if (!s) break;
      props.ilfo ??= s.ilfo;
      props.ilvl ??= s.ilvl;
      id = s.base;
    }
    return props;
  };
}

// ---- the extractor -------------------------------------------------------------------------------

interface ListParagraph {
  /** File position of the paragraph's first character in the WordDocument stream. */
  fc: number;
  ilfo: number;
  ilvl: number;
}

class NumberedWordExtractor extends WordOleExtractor {
  /** The main text with the list labels, once extracted. */
  body = '';
  private listParagraphs: ListParagraph[] = [];
  private numbering: NumberingDefs | null = null;

  override extract(reader: unknown): Promise<Document> {
    const document = new GuardedCompoundDoc(reader);
    return document.read().then(async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of await this.documentStream(document, 'WordDocument')) chunks.push(chunk as Buffer);
      return this.extractWordDocument(document, Buffer.concat(chunks));
    });
  }

  protected override extractWordDocument(document: unknown, word: Buffer): Promise<Document> {
    // fEncrypted ([MS-DOC] 2.5.2 FibBase): the text is ciphertext.
    if (word.length >= 12 && word.readUInt16LE(0) === 0xa5ec && (word.readUInt16LE(0x0a) & 0x0100) !== 0) {
      return Promise.reject(new DecodeError('文档设置了打开密码，无法读取；请取消密码后重新提交'));
    }
    return super.extractWordDocument(document, word);
  }

  /** word-extractor reads the paragraph runs for table rows; the same runs carry the list properties. */
  protected override writeParagraphProperties(word: Buffer, table: Buffer): void {
    super.writeParagraphProperties(word, table);
    this.numbering = readNumbering(word, table);
    const styleList = readStyleLists(word, table);
    const fcBte = word.readUInt32LE(0x0102);
    const lcbBte = word.readUInt32LE(0x0106);
    const pages = (lcbBte - 4) / 8;
    for (let i = 0; i < pages; i++) {
      const page = table.readUInt32LE(fcBte + (pages + 1) * 4 + i * 4);
      const fkp = word.subarray(page * 512, page * 512 + 512);
      const runs = fkp[511]!;
      for (let j = 0; j < runs; j++) {
        const fc = fkp.readUInt32LE(j * 4);
        // PapxInFkp ([MS-DOC] 2.9.175): a word count, or 0 and a second count byte; then istd and sprms.
        const bx = fkp[(runs + 1) * 4 + j * 13]! * 2;
        if (bx === 0) continue;
        const cb = fkp[bx]!;
        const start = cb !== 0 ? bx + 1 : bx + 2;
        const end = start + (cb !== 0 ? 2 * cb - 1 : 2 * fkp[bx + 1]!);
        const own = listProps(fkp, start + 2, end);
        const style = styleList(fkp.readUInt16LE(start));
        const ilfo = own.ilfo ?? style.ilfo;
        if (ilfo !== null && ilfo > 0 && ilfo < 0x7fff) this.listParagraphs.push({ fc, ilfo, ilvl: own.ilvl ?? style.ilvl ?? 0 });
      }
    }
  }

  /** The body with each list paragraph's label in front of it, in reading (character position) order. */
  protected override buildDocument(): Document {
    const doc = super.buildDocument();
    const cpOf = (fc: number): number | null => {
      const piece = this._pieces.find((p) => fc >= p.startFilePos && fc < p.endFilePos);
      return piece ? piece.startCp + (fc - piece.startFilePos) / piece.bpc : null;
    };
    const numbering = new Numbering(this.numbering ?? { abstracts: new Map(), nums: new Map(), styleLinks: new Map() });
    const labels = new Map<number, string>();
    const paragraphs = this.listParagraphs
      .map((p) => ({ ...p, cp: cpOf(p.fc) }))
      .filter((p): p is ListParagraph & { cp: number } => p.cp !== null && p.cp < this._boundaries.ccpText)
      .sort((a, b) => a.cp - b.cp);
    for (const p of paragraphs) {
      const label = numbering.next(String(p.ilfo), p.ilvl);
      if (label) labels.set(p.cp, label);
    }
    let body = '';
    for (const piece of this._pieces) {
      if (piece.startCp >= this._boundaries.ccpText) break;
      const text = piece.text.slice(0, this._boundaries.ccpText - piece.startCp);
      for (let i = 0; i < text.length; i++) body += (labels.get(piece.startCp + i) ?? '') + text[i];
    }
    this.body = clean(body);
    return doc;
  }
}

/**
 * The text of a Word 97–2003 (or WPS) binary document. Throws DecodeError with `refusal` when the
 * reader cannot make sense of it.
 */
export async function decodeWord97(bytes: Uint8Array, refusal: string): Promise<string> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkCompoundHeader(buf);
  const extractor = new NumberedWordExtractor();
  try {
    await extractor.extract(new BufferReader(buf));
  } catch (err) {
    if (err instanceof DecodeError) throw err;
    throw new DecodeError(refusal);
  }
  const text = extractor.body
    .split('\n')
    .map((l) => l.replace(/\t+$/, '').trimEnd())
    .filter((l) => l.trim() !== '')
    .join('\n');
  if (text === '') throw new DecodeError('文档没有文字内容（可能只有图片或扫描件，需要先做文字识别）');
  return text;
}

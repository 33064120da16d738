// .doc and .wps → text: Word 97–2003 binary documents (and WPS's .wps, which mostly follows them) read
// by word-extractor, the body one paragraph per line and table rows as tab-separated cells. Like the
// .docx reader, the list numbers Word generates (一、 （一） 1.) are written out as text: they are not in
// the document's characters but in its list tables (PlfLst/PlfLfo) and in each paragraph's properties
// (sprmPIlfo/sprmPIlvl, directly or through its style), which word-extractor does not read — so this
// module reads them ([MS-DOC] 2.4.6, 2.9.131–150) and puts each label in front of its paragraph. The same
// properties leave out what the .docx reader leaves out: hidden text (sprmCFVanish) and the table of
// contents (paragraphs in the built-in "toc N" styles), and keep a table cell's paragraphs on its row.
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
const SPRM_P_IN_TABLE = 0x2416;
const SPRM_C_VANISH = 0x083c;

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

interface ParagraphProps {
  ilfo: number | null;
  ilvl: number | null;
  inTable: boolean;
}

function paragraphProps(buf: Buffer, start: number, end: number): ParagraphProps {
  const props: ParagraphProps = { ilfo: null, ilvl: null, inTable: false };
  for (const [sprm, at] of sprms(buf, start, end)) {
    if (sprm === SPRM_P_ILFO && at + 2 <= end) props.ilfo = buf.readInt16LE(at);
    else if (sprm === SPRM_P_ILVL && at < end) props.ilvl = buf[at]!;
    else if (sprm === SPRM_P_IN_TABLE && at < end) props.inTable = buf[at] !== 0;
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

interface StyleProps {
  ilfo: number | null;
  ilvl: number | null;
  /** A table-of-contents style (built-in "toc 1"…"toc 9", sti 19–27): its paragraphs repeat the headings with page numbers. */
  toc: boolean;
}

/** Each paragraph style's list and kind ([MS-DOC] 2.9.271 STSH), the list following istdBase. */
function readStyles(word: Buffer, table: Buffer): (istd: number) => StyleProps {
  const fc = word.readUInt32LE(162);
  const lcb = word.readUInt32LE(166);
  const own = new Map<number, ParagraphProps & { base: number; toc: boolean }>();
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
      const sti = table.readUInt16LE(std) & 0x0fff;
      let p = std + cbStdBase;
      const nameLength = table.readUInt16LE(p);
      p += 2 + 2 * nameLength + 2;
      if ((p - std) % 2 !== 0) p++;
      const cbUpx = table.readUInt16LE(p);
      // UpxPapx: istd, then the style's paragraph sprms.
      own.set(istd, { ...paragraphProps(table, p + 4, p + 2 + cbUpx), base: kindAndBase >> 4, toc: sti >= 19 && sti <= 27 });
    }
  }
  return (istd) => {
    const props: StyleProps = { ilfo: null, ilvl: null, toc: own.get(istd)?.toc ?? false };
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

/** The runs of a bin table's FKPs ([MS-DOC] 2.9.176/2.9.177): each run's file positions and where its properties are. */
function* fkpRuns(word: Buffer, table: Buffer, fcBte: number, lcbBte: number, entrySize: number): Generator<{ fkp: Buffer; fcStart: number; fcEnd: number; j: number; runs: number }> {
  const pages = (lcbBte - 4) / 8;
  for (let i = 0; i < pages; i++) {
    const page = table.readUInt32LE(fcBte + (pages + 1) * 4 + i * 4);
    const fkp = word.subarray(page * 512, page * 512 + 512);
    const runs = fkp[511]!;
    if ((runs + 1) * 4 + runs * entrySize > 511) continue;
    for (let j = 0; j < runs; j++) yield { fkp, fcStart: fkp.readUInt32LE(j * 4), fcEnd: fkp.readUInt32LE((j + 1) * 4), j, runs };
  }
}

// ---- the extractor -------------------------------------------------------------------------------

/** A paragraph (or run of paragraphs with the same properties), by its place in the WordDocument stream. */
interface ParagraphRun {
  fcStart: number;
  fcEnd: number;
  list: { ilfo: number; ilvl: number } | null;
  inTable: boolean;
  toc: boolean;
}

class NumberedWordExtractor extends WordOleExtractor {
  /** The main text with the list labels, once extracted. */
  body = '';
  private paragraphs: ParagraphRun[] = [];
  private hidden: Array<[number, number]> = [];
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

  /** Character runs word-extractor reads for deletions; hidden text is in the same runs. */
  protected override writeCharacterProperties(word: Buffer, table: Buffer): void {
    super.writeCharacterProperties(word, table);
    for (const { fkp, fcStart, fcEnd, j, runs } of fkpRuns(word, table, word.readUInt32LE(0x00fa), word.readUInt32LE(0x00fe), 1)) {
      const at = fkp[(runs + 1) * 4 + j]! * 2;
      if (at === 0) continue;
      // A toggle: 1 on; 0x81 the opposite of the style, which is not hidden in the documents we read.
      for (const [sprm, op] of sprms(fkp, at + 1, at + 1 + fkp[at]!)) if (sprm === SPRM_C_VANISH && (fkp[op] === 1 || fkp[op] === 0x81)) this.hidden.push([fcStart, fcEnd]);
    }
  }

  /** Paragraph runs word-extractor reads for table rows; they also carry the lists, the cells and the styles. */
  protected override writeParagraphProperties(word: Buffer, table: Buffer): void {
    super.writeParagraphProperties(word, table);
    this.numbering = readNumbering(word, table);
    const styleOf = readStyles(word, table);
    for (const { fkp, fcStart, fcEnd, j, runs } of fkpRuns(word, table, word.readUInt32LE(0x0102), word.readUInt32LE(0x0106), 13)) {
      // PapxInFkp ([MS-DOC] 2.9.175): a word count, or 0 and a second count byte; then istd and sprms.
      const bx = fkp[(runs + 1) * 4 + j * 13]! * 2;
      if (bx === 0) continue;
      const cb = fkp[bx]!;
      const start = cb !== 0 ? bx + 1 : bx + 2;
      const own = paragraphProps(fkp, start + 2, start + (cb !== 0 ? 2 * cb - 1 : 2 * fkp[bx + 1]!));
      const style = styleOf(fkp.readUInt16LE(start));
      const ilfo = own.ilfo ?? style.ilfo;
      const list = ilfo !== null && ilfo > 0 && ilfo < 0x7fff ? { ilfo, ilvl: own.ilvl ?? style.ilvl ?? 0 } : null;
      this.paragraphs.push({ fcStart, fcEnd, list, inTable: own.inTable, toc: style.toc });
    }
  }

  /** Character positions of a range of the WordDocument stream, piece by piece. */
  private cpRanges(fcStart: number, fcEnd: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const p of this._pieces) {
      const from = Math.max(fcStart, p.startFilePos);
      const to = Math.min(fcEnd, p.endFilePos);
      if (from < to) out.push([p.startCp + Math.floor((from - p.startFilePos) / p.bpc), p.startCp + Math.ceil((to - p.startFilePos) / p.bpc)]);
    }
    return out;
  }

  /** The body: hidden text and the table of contents left out, list labels in, a cell's paragraphs on its row. */
  protected override buildDocument(): Document {
    const doc = super.buildDocument();
    const length = this._boundaries.ccpText;
    let main = '';
    for (const piece of this._pieces) {
      if (piece.startCp >= length) break;
      main += piece.text.slice(0, length - piece.startCp);
    }
    const chars = main.split('');
    const drop = (from: number, to: number): void => {
      for (let cp = from; cp < Math.min(to, length); cp++) chars[cp] = '';
    };
    for (const [from, to] of this.hidden) for (const [a, b] of this.cpRanges(from, to)) drop(a, b);
    const numbering = new Numbering(this.numbering ?? { abstracts: new Map(), nums: new Map(), styleLinks: new Map() });
    const runs = this.paragraphs
      .map((p) => ({ ...p, cps: this.cpRanges(p.fcStart, p.fcEnd).filter(([a]) => a < length) }))
      .filter((p) => p.cps.length > 0)
      .sort((a, b) => a.cps[0]![0] - b.cps[0]![0]);
    for (const p of runs) {
      const [first] = p.cps[0]!;
      const last = p.cps[p.cps.length - 1]![1] - 1;
      if (p.toc) {
        for (const [a, b] of p.cps) drop(a, b);
        continue;
      }
      // Inside a cell a paragraph ends in a paragraph mark, the cell's last one in a cell mark (a tab).
      if (p.inTable && chars[last] === '\r') chars[last] = ' ';
      const label = p.list ? numbering.next(String(p.list.ilfo), p.list.ilvl) : null;
      if (label && chars[first] !== '') chars[first] = label + chars[first]!;
    }
    this.body = clean(chars.join(''));
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

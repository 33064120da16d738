// The parts of word-extractor 1.0 (plain JavaScript, no types of its own for these modules) that the
// .doc reader builds on: its OLE container reader and its Word 97 extractor, which word97.ts extends to
// render list numbering. Only what word97.ts uses is declared.

declare module 'word-extractor/lib/buffer-reader.js' {
  class BufferReader {
    constructor(buffer: Buffer);
    open(): Promise<void>;
    close(): Promise<void>;
    read(buffer: Buffer, offset: number, length: number, position: number): Promise<Buffer>;
  }
  export = BufferReader;
}

declare module 'word-extractor/lib/ole-allocation-table.js' {
  class AllocationTable {
    constructor(doc: unknown);
    load(secIds: number[]): Promise<void>;
    getSecIdChain(startSecId: number): number[];
    protected _table: number[];
  }
  export = AllocationTable;
}

declare module 'word-extractor/lib/ole-compound-doc.js' {
  import type AllocationTable from 'word-extractor/lib/ole-allocation-table.js';
  interface OleHeader {
    secSize: number;
    SSATSecId: number;
    SSATSize: number;
  }
  class OleCompoundDoc {
    constructor(reader: unknown);
    read(): Promise<OleCompoundDoc>;
    protected _header: OleHeader;
    protected _MSAT: number[];
    protected _SAT: AllocationTable;
    protected _SSAT: AllocationTable;
    protected _readSAT(): Promise<void>;
    protected _readSSAT(): Promise<void>;
  }
  export = OleCompoundDoc;
}

declare module 'word-extractor/lib/word-ole-extractor.js' {
  import type { Document } from 'word-extractor';
  /** One run of text in the WordDocument stream, placed in character positions (CPs). */
  interface Piece {
    startCp: number;
    endCp: number;
    startFilePos: number;
    endFilePos: number;
    /** Bytes per character: 2 for UTF-16 pieces, 1 for 8-bit ones. */
    bpc: number;
    text: string;
  }
  class WordOleExtractor {
    extract(reader: unknown): Promise<Document>;
    protected _pieces: Piece[];
    protected _boundaries: { ccpText: number };
    protected documentStream(document: unknown, streamName: string): Promise<import('node:stream').Readable>;
    protected extractWordDocument(document: unknown, buffer: Buffer): Promise<Document>;
    protected writeCharacterProperties(buffer: Buffer, tableBuffer: Buffer): void;
    protected writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
    protected buildDocument(): Document;
  }
  export = WordOleExtractor;
}

declare module 'word-extractor/lib/filters.js' {
  /** Word's control characters to text: paragraph marks to \n, cell marks to \t, fields to their result. */
  export function clean(text: string): string;
}

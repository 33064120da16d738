// .rtf → text: the body in reading order, one paragraph per line, table cells tab-separated. Chinese
// RTF carries its text two ways, often both at once: \uN escapes (followed by \ucN fallback characters to
// skip) and code-page bytes \'hh — GBK under \ansicpg936 or a font whose \fcharset is 134. Font and
// colour tables, style sheets, document info, pictures, headers, footers, footnotes, field instructions
// and every \* destination are skipped; the visible list numbers (\listtext, \pntext) are kept; a table
// of contents (a TOC field's result, or paragraphs in a "toc N" style) is left out, as the .docx reader does.
import iconv from 'iconv-lite';
import { DecodeError } from './errors.js';

/** Destinations that are not body text (besides every group opened with \*). */
const SKIPPED = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'objdata', 'header', 'headerl', 'headerr', 'headerf',
  'footer', 'footerl', 'footerr', 'footerf', 'footnote', 'annotation', 'listtable', 'listoverridetable',
  'rsidtbl', 'revtbl', 'xmlnstbl', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'filetbl',
  'generator', 'nonshppict', 'shpinst', 'txe', 'docvar', 'userprops', 'pgdsctbl', 'template',
]);

/** Windows character sets of \fcharset and the code pages their bytes are in. */
const CHARSET_CODEPAGE: Record<number, number> = {
  128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250,
};

const SYMBOLS: Record<string, string> = {
  tab: '\t', emdash: '—', endash: '–', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', bullet: '•',
  emspace: ' ', enspace: ' ', qmspace: ' ', zwj: '', zwnj: '',
};

interface GroupState {
  /** Fallback characters to skip after \uN. */
  uc: number;
  /** Inside a destination that is not body text. */
  skip: boolean;
  /** Hidden (\v) or deleted (\deleted) text. */
  hidden: boolean;
  codepage: number;
  /** Inside \listtext/\pntext: the visible list number of the paragraph. */
  listText: boolean;
  /** Inside the font table: \fN defines a font rather than selecting one. */
  fontTable: boolean;
  /** Inside the style sheet: \sN defines a style, its text is the style's name. */
  styleSheet: boolean;
  /** Inside a field instruction (\fldinst): its text says what the field is. */
  instruction: boolean;
  /** A paragraph in a table-of-contents style. */
  toc: boolean;
}

/** Names of the table-of-contents styles: Word's built-in "toc 1"…, LibreOffice's "Contents 1"…. */
const TOC_STYLE = /^(toc|contents) \d$/i;

function decoderName(codepage: number): string {
  return codepage === 936 ? 'gbk' : codepage === 950 ? 'big5' : codepage === 932 ? 'shift_jis' : `cp${codepage}`;
}

function decodeBytes(bytes: number[], codepage: number): string {
  const name = decoderName(codepage);
  const buf = Buffer.from(bytes);
  return iconv.encodingExists(name) ? iconv.decode(buf, name) : iconv.decode(buf, 'gbk');
}

export function decodeRtf(bytes: Uint8Array): string {
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!src.startsWith('{\\rtf')) throw new DecodeError('文件扩展名是 .rtf，但内容不是 RTF 文档（可能已损坏，或是改了扩展名的其他文件）');
  const fontCodepage = new Map<number, number>();
  let ansiCodepage = 936;
  let defaultFont: number | null = null;
  let state: GroupState = { uc: 1, skip: false, hidden: false, codepage: ansiCodepage, listText: false, fontTable: false, styleSheet: false, instruction: false, toc: false };
  const stack: GroupState[] = [];
  let out = '';
  let pendingBytes: number[] = [];
  /** Fallback characters still to skip after a \uN. */
  let skipChars = 0;
  let inTable = false;
  /** A new group was just opened: a \* or a destination word may follow. */
  let groupStart = false;
  /** The font being defined in the font table. */
  let definingFont: number | null = null;
  /** The style being defined in the style sheet, and its name so far. */
  let definingStyle: number | null = null;
  let styleName = '';
  const tocStyles = new Set<number>();
  /** The current field's instruction ("TOC \o …", "HYPERLINK …"). */
  let instruction = '';

  const visible = (): boolean => !state.skip && !state.hidden && !state.toc;
  const flushBytes = (): void => {
    if (pendingBytes.length === 0) return;
    if (visible()) out += decodeBytes(pendingBytes, state.codepage);
    pendingBytes = [];
  };
  const emit = (s: string): void => {
    flushBytes();
    if (visible()) out += s;
  };
  /** Where the current \listtext label starts in `out`. */
  let listStart = 0;
  const endListText = (): void => {
    // "一、\t" → "一、"; a bare label keeps one space, as the .docx reader writes Word numbering; a bullet
    // drawn from a symbol font (a private-use code point) reads as "•".
    const label = out.slice(listStart).replace(/[\uE000-\uF8FF]/g, '•').trim();
    out = out.slice(0, listStart) + label + (label === '' || /[、.．)）:：，,]$/.test(label) ? '' : ' ');
  };

  let i = src.indexOf('{');
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === '{') {
      flushBytes();
      stack.push(state);
      state = { ...state };
      groupStart = true;
      i++;
      continue;
    }
    if (c === '}') {
      flushBytes();
      const closed = state;
      state = stack.pop() ?? state;
      if (closed.listText && !state.listText) endListText();
      // Text outside any \f is in the default font: its character set is known once the table is read.
      if (closed.fontTable && !state.fontTable) state.codepage = fontCodepage.get(defaultFont ?? -1) ?? ansiCodepage;
      skipChars = 0;
      groupStart = false;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c !== '\\') {
      groupStart = false;
      if (skipChars > 0) {
        skipChars--;
        i++;
        continue;
      }
      if (state.fontTable) {
        // "宋体;" names the font being defined: not text.
        i++;
        continue;
      }
      if (state.styleSheet) {
        if (c === ';') {
          if (definingStyle !== null && TOC_STYLE.test(styleName.trim())) tocStyles.add(definingStyle);
          styleName = '';
        } else styleName += c;
        i++;
        continue;
      }
      if (state.instruction) {
        instruction += c;
        i++;
        continue;
      }
      // Some writers put code-page bytes in unescaped.
      if (c.charCodeAt(0) >= 0x80) pendingBytes.push(c.charCodeAt(0));
      else emit(c);
      i++;
      continue;
    }
    // A control symbol or control word.
    const next = src[i + 1] ?? '';
    if (next === "'") {
      const byte = Number.parseInt(src.slice(i + 2, i + 4), 16);
      i += 4;
      groupStart = false;
      if (skipChars > 0) {
        skipChars--;
        continue;
      }
      if (Number.isFinite(byte) && !state.fontTable) pendingBytes.push(byte);
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      i += 2;
      if (next === '*') {
        if (groupStart) state.skip = true;
        continue;
      }
      groupStart = false;
      if (skipChars > 0) {
        skipChars--;
        continue;
      }
      if (next === '\\' || next === '{' || next === '}') emit(next);
      else if (next === '~') emit(' ');
      else if (next === '_') emit('-');
      else if (next === '\r' || next === '\n') emit('\n'); // "\<newline>" is \par
      continue;
    }
    const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(src.slice(i + 1, i + 48))!;
    i += 1 + m[0].length;
    const word = m[1]!;
    const param = m[2] === undefined ? null : Number(m[2]);
    const atGroupStart = groupStart;
    groupStart = false;
    if (word === 'bin') {
      // Raw binary data of `param` bytes follows.
      i += Math.max(0, param ?? 0);
      continue;
    }
    if (skipChars > 0 && word !== 'u') {
      skipChars--;
      continue;
    }
    if (atGroupStart && (SKIPPED.has(word) || word === 'fldinst')) {
      flushBytes();
      state.skip = true;
      if (word === 'fonttbl') state.fontTable = true;
      if (word === 'stylesheet') state.styleSheet = true;
      if (word === 'fldinst') {
        state.instruction = true;
        instruction = '';
      }
      continue;
    }
    switch (word) {
      case 'ansicpg':
        if (param !== null && param > 0) {
          ansiCodepage = param;
          state.codepage = param;
        }
        break;
      case 'deff':
        defaultFont = param;
        break;
      case 'f':
        if (param === null) break;
        if (state.fontTable) definingFont = param;
        else {
          flushBytes();
          state.codepage = fontCodepage.get(param) ?? ansiCodepage;
        }
        break;
      case 'fcharset':
        if (state.fontTable && definingFont !== null && param !== null && CHARSET_CODEPAGE[param]) fontCodepage.set(definingFont, CHARSET_CODEPAGE[param]!);
        break;
      case 'cpg':
        if (state.fontTable && definingFont !== null && param !== null && param > 0) fontCodepage.set(definingFont, param);
        break;
      case 'uc':
        state.uc = Math.max(0, param ?? 1);
        break;
      case 'u': {
        const code = param === null ? 0xfffd : param < 0 ? param + 65536 : param;
        emit(String.fromCharCode(code));
        skipChars = state.uc;
        break;
      }
      case 'par':
        emit(inTable ? ' ' : '\n');
        break;
      case 'line':
      case 'sect':
        emit('\n');
        break;
      case 'cell':
      case 'nestcell':
        emit('\t');
        break;
      case 'row':
      case 'nestrow':
        emit('\n');
        inTable = false;
        break;
      case 'intbl':
        inTable = true;
        break;
      case 'pard':
        inTable = false;
        flushBytes();
        state.toc = false;
        break;
      case 's':
        if (param === null) break;
        if (state.styleSheet) {
          definingStyle = param;
          styleName = '';
        } else {
          flushBytes();
          state.toc = tocStyles.has(param);
        }
        break;
      case 'fldrslt':
        // A table of contents repeats the headings with page numbers; the headings themselves follow.
        if (atGroupStart && /^\s*TOC\b/.test(instruction)) {
          flushBytes();
          state.skip = true;
        }
        break;
      case 'plain':
        flushBytes();
        state.hidden = false;
        break;
      case 'v':
      case 'deleted':
        flushBytes();
        state.hidden = param !== 0;
        break;
      case 'listtext':
      case 'pntext':
        if (atGroupStart) {
          flushBytes();
          state.listText = true;
          listStart = out.length;
        }
        break;
      default:
        if (SYMBOLS[word] !== undefined) emit(SYMBOLS[word]!);
    }
  }
  flushBytes();
  const lines = out
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\t+$/, '').trimEnd())
    .filter((l) => l.trim() !== '');
  const text = lines.join('\n');
  if (text.trim() === '') throw new DecodeError('RTF 文档没有文字内容（可能只有图片，需要先做文字识别）');
  return text;
}

// Scanned pages → lines of text, with Debian's tesseract-ocr (chi_sim) and poppler-utils as child
// processes. Each page is rasterised by pdftoppm at the scan's own resolution (200–400 dpi: measured on
// our scans, resampling a 200 dpi scan to 300 dpi reads worse, and 150 dpi scans read better at 200), and
// only its red channel goes to tesseract: the red seal stamped over the signature turns white there,
// black and blue text stays dark. Tesseract's words are placed on the page (deskewed) and handed to the
// same layout rules as a PDF's text layer (layout.ts); spaces between CJK characters go, punctuation that
// OCR reads half-width between Chinese characters is written full-width again.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DecodeError } from './errors.js';
import { isCjk, joinPieces, median, removeCjkSpacing, type Line, type Piece } from './layout.js';

/** Pages of one file that OCR reads; a longer scan is not a work report. */
export const MAX_OCR_PAGES_PER_FILE = 100;
const LANGUAGE = 'chi_sim';
/** Rendering resolution bounds, and the largest page raster (an A3 page at 400 dpi is 31 million pixels). */
const MIN_DPI = 200;
const MAX_DPI = 400;
const VECTOR_DPI = 300;
const MAX_PIXELS = 40_000_000;
const PAGE_TIMEOUT_MS = 180_000;
/** How much redder than green and blue a pixel must be to be seal ink. */
const RED_INK = 48;

export const OCR_PACKAGES = 'tesseract-ocr、tesseract-ocr-chi-sim、poppler-utils';

export type OcrAvailability = { available: true; engine: string } | { available: false; missing: string };

/** What the OCR of a report was: engine and language, its mean word confidence (0–1), the pages read. */
export interface OcrSummary {
  engine: string;
  confidence: number;
  pages: number;
}

/** The OCR page budget of one upload: every scan takes its pages from it before it is read. */
export class OcrBudget {
  remaining: number;
  constructor(readonly limit: number) {
    this.remaining = limit;
  }

  take(pages: number): void {
    if (pages > this.remaining) {
      throw new DecodeError(
        `需要文字识别 ${pages} 页，超出本次上传剩余的 ${this.remaining} 页识别额度（每次上传最多识别 ${this.limit} 页）；请将扫描件分批上传`,
      );
    }
    this.remaining -= pages;
  }
}

export interface OcrOptions {
  budget?: OcrBudget;
  /** Called as each page has been read (1-based count of pages done, of `pages`). */
  onPage?: (done: number, pages: number) => void;
  signal?: AbortSignal;
}

// ---- child processes --------------------------------------------------------------------------

interface RunResult {
  stdout: Buffer;
  stderr: string;
  code: number | null;
}

function run(command: string, args: string[], opts: { input?: Buffer; timeoutMs?: number; signal?: AbortSignal; maxBytes?: number } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    // One thread per tesseract: its OpenMP threads slow it down on a shared machine (measured 3.4× on 2 cores).
    const child = spawn(command, args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, signal: opts.signal, timeout: opts.timeoutMs, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let size = 0;
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (opts.maxBytes !== undefined && size > opts.maxBytes) child.kill('SIGKILL');
      else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (err.length < 4000) err += b.toString('utf8');
    });
    // A missing program, a timeout or an abort: the caller sees a failed run, never an exception.
    child.on('error', (e) => resolve({ stdout: Buffer.alloc(0), stderr: e.message, code: null }));
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out), stderr: err, code }));
    child.stdin.on('error', () => {}); // a child that exits early closes its input
    child.stdin.end(opts.input);
  });
}

/** At most this many tesseract processes at once, whatever the number of uploads being read. */
const SLOTS = Math.max(1, Math.floor(os.cpus().length / 2));
let busy = 0;
const waiting: Array<() => void> = [];

async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (busy >= SLOTS) await new Promise<void>((r) => waiting.push(r));
  busy++;
  try {
    return await work();
  } finally {
    busy--;
    waiting.shift()?.();
  }
}

// ---- availability -----------------------------------------------------------------------------

const probes = new Map<string, Promise<OcrAvailability>>();

async function probe(): Promise<OcrAvailability> {
  if (process.env.YANPAN_OCR === 'off') return { available: false, missing: '已由 YANPAN_OCR=off 关闭' };
  const tool = async (cmd: string, args: string[]): Promise<string | null> => {
    const r = await run(cmd, args, { timeoutMs: 15_000 });
    return r.code === 0 ? r.stdout.toString('utf8') + r.stderr : null;
  };
  const [version, langs, pdftoppm, pdfimages] = await Promise.all([
    tool('tesseract', ['--version']),
    tool('tesseract', ['--list-langs']),
    tool('pdftoppm', ['-v']),
    tool('pdfimages', ['-v']),
  ]);
  const missing: string[] = [];
  if (version === null) missing.push('tesseract（tesseract-ocr）');
  else if (!langs?.split(/\s+/).includes(LANGUAGE)) missing.push('简体中文识别数据（tesseract-ocr-chi-sim）');
  if (pdftoppm === null || pdfimages === null) missing.push('pdftoppm/pdfimages（poppler-utils）');
  if (missing.length > 0) return { available: false, missing: `缺少 ${missing.join('、')}` };
  const engine = /tesseract\s+v?([\d.]+)/i.exec(version ?? '')?.[1];
  return { available: true, engine: `tesseract ${engine ?? ''} ${LANGUAGE}`.replace(/\s+/g, ' ') };
}

/** Whether scans can be read here (looked up once per PATH and YANPAN_OCR setting). */
export function ocrAvailability(): Promise<OcrAvailability> {
  const key = `${process.env.YANPAN_OCR ?? ''}|${process.env.PATH ?? ''}`;
  let p = probes.get(key);
  if (!p) {
    p = probe();
    probes.set(key, p);
  }
  return p;
}

/** The refusal for a scan when OCR is not available here. */
export function ocrUnavailableMessage(what: string, missing: string): string {
  return `${what}需要文字识别（OCR），但本服务器的文字识别不可用（${missing}）；请管理员安装 ${OCR_PACKAGES}，或提交 Word/文本版本`;
}

// ---- rasters ----------------------------------------------------------------------------------

/**
 * The red channel of a binary PPM (P6, maxval 255, as pdftoppm writes it) as a binary PGM: red ink is
 * light there, black and blue ink dark. Pixels clearly redder than they are green or blue — the seal's
 * strokes, and their edges that JPEG's colour subsampling darkens — are made white outright.
 */
export function redChannel(ppm: Buffer): Buffer {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const start = header[0].length;
  if (ppm.length < start + width * height * 3) throw new Error('truncated PPM');
  const head = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const out = Buffer.allocUnsafe(head.length + width * height);
  head.copy(out);
  for (let i = 0, o = head.length, p = start; i < width * height; i++, o++, p += 3) {
    const r = ppm[p]!;
    out[o] = r > 150 && r - Math.max(ppm[p + 1]!, ppm[p + 2]!) > RED_INK ? 255 : r;
  }
  return out;
}

/** Resolution of each page's largest image (`pdfimages -list`), by page number. */
async function imageResolutions(pdfPath: string, signal?: AbortSignal): Promise<Map<number, number>> {
  const r = await run('pdfimages', ['-list', pdfPath], { timeoutMs: 60_000, signal });
  const out = new Map<number, number>();
  for (const row of r.stdout.toString('utf8').split('\n').slice(2)) {
    const cols = row.trim().split(/\s+/);
    const page = Number(cols[0]);
    const ppi = Math.max(Number(cols[12]), Number(cols[13]));
    // Small images (a logo, the seal) do not set the resolution of a page; a strip of a scan (one image of
    // a few rows each, as TIFF scans are cut) does.
    const large = Math.max(Number(cols[3]), Number(cols[4])) >= 1000;
    if (Number.isFinite(page) && Number.isFinite(ppi) && large) out.set(page, Math.max(out.get(page) ?? 0, ppi));
  }
  return out;
}

/** The resolution to rasterise a page at: its scan's own, within bounds, and within the pixel cap. */
export function renderDpi(ppi: number | undefined, widthPt: number, heightPt: number): number {
  let dpi = ppi === undefined ? VECTOR_DPI : Math.min(MAX_DPI, Math.max(MIN_DPI, Math.round(ppi)));
  const pixels = (widthPt / 72) * (heightPt / 72) * dpi * dpi;
  if (pixels > MAX_PIXELS) dpi = Math.floor(dpi * Math.sqrt(MAX_PIXELS / pixels));
  return Math.max(dpi, 36);
}

// ---- tesseract's words into lines -------------------------------------------------------------

interface Word {
  key: string;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  text: string;
}

export interface RecognisedText {
  words: Word[];
  /** Each line's box (tesseract's level 4), by the key its words carry. */
  lineBoxes: Map<string, { width: number; height: number }>;
}

export function parseTsv(tsv: string): RecognisedText {
  const words: Word[] = [];
  const lineBoxes = new Map<string, { width: number; height: number }>();
  for (const row of tsv.split('\n')) {
    const c = row.split('\t');
    if (c.length < 12) continue;
    const key = `${c[2]}.${c[3]}.${c[4]}`;
    if (c[0] === '4') lineBoxes.set(key, { width: +c[8]!, height: +c[9]! });
    const text = c.slice(11).join('\t').trim();
    if (c[0] !== '5' || text === '') continue;
    words.push({ key, left: +c[6]!, top: +c[7]!, width: +c[8]!, height: +c[9]!, conf: +c[10]!, text });
  }
  return { words, lineBoxes };
}

const allCjk = (w: Word): boolean => Array.from(w.text).every(isCjk);

/** A line's glyph height: the median box of its Chinese words (OCR boxes of punctuation and digits vary). */
function lineHeight(words: Word[]): number {
  const cjk = words.filter(allCjk).map((w) => w.height);
  return median(cjk.length > 0 ? cjk : words.map((w) => w.height));
}

/** Words whose boxes are a whole glyph's, for measuring the line. */
function glyphWords(words: Word[]): Word[] {
  const height = lineHeight(words);
  return words.filter((w) => allCjk(w) && Math.abs(w.height - height) <= 0.2 * height);
}

/** The page's skew: the median slope of the bottoms of each line's glyph boxes (y grows downwards). */
function skewOf(lines: Word[][]): number {
  const slopes: number[] = [];
  for (const words of lines) {
    const g = glyphWords(words);
    if (g.length < 3) continue;
    const xs = g.map((w) => w.left + w.width / 2);
    const ys = g.map((w) => w.top + w.height);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let num = 0;
    let den = 0;
    for (let i = 0; i < xs.length; i++) {
      num += (xs[i]! - mx) * (ys[i]! - my);
      den += (xs[i]! - mx) ** 2;
    }
    if (den > (5 * lineHeight(words)) ** 2) slopes.push(num / den);
  }
  const slope = median(slopes);
  // Beyond a few degrees the page is not a skewed scan but something else: leave it.
  return Math.abs(slope) < 0.1 ? slope : 0;
}

/**
 * Font size (em) ÷ text height, from the page's longer lines: a Chinese character advances one em (a
 * digit or Latin letter about half). The layout rules measure indents and margins in em.
 */
function emPerHeight(lines: Word[][], heights: number[]): number {
  const ratios: number[] = [];
  lines.forEach((words, i) => {
    const units = words.reduce((n, w) => n + Array.from(w.text).reduce((u, ch) => u + (isCjk(ch) ? 1 : 0.5), 0), 0);
    if (units < 8) return;
    const width = Math.max(...words.map((w) => w.left + w.width)) - Math.min(...words.map((w) => w.left));
    ratios.push(width / units / heights[i]!);
  });
  const r = median(ratios);
  return r >= 0.95 && r <= 1.4 ? r : 1.1;
}

/** Full-width opening marks sit at the right of their em box: their ink starts half an em in. */
const OPENING = /^[（(“"‘《〈【〔「『]/;

const CJK_NEIGHBOUR = '[\\u3400-\\u9FFF\\u3000-\\u303F\\uFF00-\\uFFEF“”‘’]';
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/**
 * OCR's punctuation in Chinese text: "," ";" ":" "?" "!" next to a Chinese character are the full-width
 * marks the document has, "(一)" and "(1)" next to one are "（一）" "（1）", and the "《" OCR reads for a
 * heading's "（" before a Chinese numeral and ")" is put back.
 */
export function normalizeOcrPunctuation(line: string): string {
  return line
    .replace(/《([一二三四五六七八九十]{1,3})[)）]/g, '（$1）')
    .replace(new RegExp(`(?<=${CJK_NEIGHBOUR})[,;:?!]|[,;:?!](?=${CJK_NEIGHBOUR})`, 'g'), (p) => FULL_WIDTH[p]!)
    .replace(/[(（]([^()（）\n]{1,12})[)）]/g, (all, inner: string, at: number, s: string) => {
      const before = s[at - 1] ?? '';
      const after = s[at + all.length] ?? '';
      const chinese = new RegExp(CJK_NEIGHBOUR);
      return chinese.test(inner) || chinese.test(before) || chinese.test(after) ? `（${inner}）` : all;
    });
}

/** The recognised words of a page as lines in PDF points (y upwards), deskewed. */
export function wordsToLines({ words, lineBoxes }: RecognisedText, dpi: number, pageHeightPx: number, page: number): Line[] {
  const byLine = new Map<string, Word[]>();
  for (const w of words) {
    const list = byLine.get(w.key) ?? [];
    list.push(w);
    byLine.set(w.key, list);
  }
  const lines = [...byLine.values()];
  const slope = skewOf(lines);
  const theta = Math.atan(slope);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const rotate = (x: number, y: number): [number, number] => [x * cos + y * sin, -x * sin + y * cos];
  // A line's text height: its box less what the skew adds, unless a stray mark made the box tall; word
  // boxes alone misjudge short lines (a few of them span the whole line's height).
  const heights = lines.map((lineWords) => {
    const glyphs = lineHeight(lineWords);
    const box = lineBoxes.get(lineWords[0]!.key);
    const straight = box ? box.height - box.width * Math.abs(slope) : 0;
    return straight > glyphs * 0.5 ? Math.min(straight, glyphs) : glyphs;
  });
  const em = emPerHeight(lines, heights);
  const scale = 72 / dpi;
  const out: Line[] = [];
  lines.forEach((lineWords, i) => {
    const size = heights[i]! * em;
    const glyphs = glyphWords(lineWords);
    const bottoms = (glyphs.length > 0 ? glyphs : lineWords).map((w) => rotate(w.left, w.top + w.height)[1]);
    const baseline = (pageHeightPx - median(bottoms)) * scale;
    const pieces: Piece[] = lineWords.map((w) => {
      const [x] = rotate(w.left, w.top + w.height);
      const left = OPENING.test(w.text) ? x - size / 2 : x;
      return { str: w.text, x: left * scale, right: (x + w.width) * scale, y: baseline, size: size * scale };
    });
    const text = removeCjkSpacing(normalizeOcrPunctuation(joinPieces(pieces)));
    if (text === '') return;
    out.push({ text, left: Math.min(...pieces.map((p) => p.x)), right: Math.max(...pieces.map((p) => p.right)), y: baseline, size: size * scale, page });
  });
  return out;
}

// ---- pages --------------------------------------------------------------------------------------

export interface RecognisedPage {
  lines: Line[];
  /** Sum of word confidence × characters, and the characters, for the report's mean. */
  weightedConfidence: number;
  chars: number;
}

async function recognisePage(pdfPath: string, page: number, dpi: number, signal?: AbortSignal): Promise<RecognisedPage> {
  const raster = await run('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdfPath], {
    timeoutMs: PAGE_TIMEOUT_MS,
    signal,
    maxBytes: MAX_PIXELS * 3 + 1024,
  });
  if (signal?.aborted) throw new DecodeError('文字识别已取消');
  if (raster.code !== 0 || raster.stdout.length === 0) throw new DecodeError(`第 ${page} 页无法转换为图像（文件可能已损坏，或页面过大）`);
  const pgm = redChannel(raster.stdout);
  const heightPx = Number(/^P5\s+\d+\s+(\d+)/.exec(pgm.subarray(0, 32).toString('latin1'))?.[1]);
  const ocr = await inSlot(() =>
    run('tesseract', ['stdin', 'stdout', '-l', LANGUAGE, '--dpi', String(dpi), '--psm', '3', 'tsv'], { input: pgm, timeoutMs: PAGE_TIMEOUT_MS, signal }),
  );
  if (ocr.code !== 0) {
    if (signal?.aborted) throw new DecodeError('文字识别已取消');
    throw new DecodeError(`第 ${page} 页文字识别失败${ocr.code === null ? '（超时）' : ''}`);
  }
  const recognised = parseTsv(ocr.stdout.toString('utf8'));
  let weighted = 0;
  let chars = 0;
  for (const w of recognised.words) {
    if (w.conf < 0) continue;
    const n = Array.from(w.text).length;
    weighted += w.conf * n;
    chars += n;
  }
  return { lines: wordsToLines(recognised, dpi, heightPx, page), weightedConfidence: weighted, chars };
}

/**
 * Reads the given pages of a PDF (1-based numbers; sizes in points by page number) by OCR. Takes the
 * pages from the budget first; throws DecodeError when OCR is unavailable or over a limit.
 */
export async function recognisePdfPages(
  pdf: Uint8Array,
  pages: number[],
  sizeOf: (page: number) => { width: number; height: number },
  what: string,
  opts: OcrOptions = {},
): Promise<{ pages: Map<number, Line[]>; summary: OcrSummary }> {
  const availability = await ocrAvailability();
  if (!availability.available) throw new DecodeError(ocrUnavailableMessage(what, availability.missing));
  if (pages.length > MAX_OCR_PAGES_PER_FILE) {
    throw new DecodeError(`${what}共有 ${pages.length} 页需要文字识别，超过单个文件 ${MAX_OCR_PAGES_PER_FILE} 页的上限；请拆分后提交`);
  }
  opts.budget?.take(pages.length);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yanpan-ocr-'));
  try {
    const file = path.join(dir, 'scan.pdf');
    await fs.writeFile(file, pdf);
    const ppi = await imageResolutions(file, opts.signal);
    const out = new Map<number, Line[]>();
    let weighted = 0;
    let chars = 0;
    for (const [i, page] of pages.entries()) {
      const { width, height } = sizeOf(page);
      const r = await recognisePage(file, page, renderDpi(ppi.get(page), width, height), opts.signal);
      out.set(page, r.lines);
      weighted += r.weightedConfidence;
      chars += r.chars;
      opts.onPage?.(i + 1, pages.length);
    }
    const confidence = chars === 0 ? 0 : Math.round(weighted / chars) / 100;
    return { pages: out, summary: { engine: availability.engine, confidence, pages: pages.length } };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

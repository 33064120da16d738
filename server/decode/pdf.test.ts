import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCjkPdf, type PdfLine } from '../../tests/fixtures/submissions.js';
import { SEED_SAMPLES_DIR, REPO_ROOT } from '../../tests/shared-material.js';
import { decodeReport } from './index.js';
import { foldIdeographs } from './layout.js';
import { decodePdf } from './pdf.js';

const SIZE = 12;
const LEFT = 72;
const PER_LINE = 37; // characters of 1 em on a 451 pt text width

/** Lays paragraphs out as a word processor would: first-line indent of two characters, wrap at the margin. */
function layout(paragraphs: Array<{ text: string; heading?: boolean; title?: boolean }>, linesPerPage = 12): PdfLine[][] {
  const lines: PdfLine[] = [];
  for (const p of paragraphs) {
    if (p.title) {
      for (let i = 0; i < p.text.length; i += 18) {
        const chunk = p.text.slice(i, i + 18);
        lines.push({ x: 297 - (chunk.length * 22) / 2, y: 0, text: chunk, size: 22 });
      }
      continue;
    }
    let rest = p.text;
    let first = true;
    while (rest.length > 0) {
      const room = first ? PER_LINE - 2 : PER_LINE;
      lines.push({ x: first ? LEFT + 2 * SIZE : LEFT, y: 0, text: rest.slice(0, room) });
      rest = rest.slice(room);
      first = false;
    }
  }
  const pages: PdfLine[][] = [];
  for (let i = 0; i < lines.length; i += linesPerPage) {
    const page = lines.slice(i, i + linesPerPage).map((l, k) => ({ ...l, y: 760 - k * 20 }));
    page.push({ x: 280, y: 40, text: `- ${pages.length + 1} -` });
    pages.push(page);
  }
  return pages;
}

const PARAGRAPHS = [
  { text: 'XX局2023年上半年意识形态工作总结（征求意见稿）', title: true },
  { text: '今年以来，局党组坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实意识形态工作责任制，现将有关情况报告如下：' },
  { text: '一、工作开展情况' },
  { text: '（一）加强组织领导。局党组召开专题会议3次，研究部署意识形态工作，把意识形态工作纳入党建工作责任制，与业务工作同部署、同落实、同检查、同考核。' },
  { text: '（二）强化理论武装。开展中心组专题学习12次，组织集中研讨5次，撰写心得体会100余篇，推动学习往深里走、往心里走、往实里走。' },
  { text: '二、存在的问题' },
  { text: '一是学习形式较为单一，二是阵地管理仍有薄弱环节，三是舆情应对能力有待提高。' },
];

describe('decodePdf', () => {
  it('reads a PDF in a non-embedded Chinese CID font (needs the CMaps) and rejoins wrapped lines across pages', async () => {
    const pdf = makeCjkPdf(layout(PARAGRAPHS));
    const { text, pagesWithoutText } = await decodePdf(pdf);
    expect(pagesWithoutText).toEqual([]);
    expect(text).toBe(PARAGRAPHS.map((p) => p.text).join('\n'));
  });

  it('keeps a paragraph break after a full line when the next line is indented or starts a heading', async () => {
    // Both paragraphs are exactly full lines: only the indent / the heading marker tells them apart.
    const a = '这'.repeat(PER_LINE - 2);
    const b = '（一）' + '那'.repeat(PER_LINE - 3);
    const pdf = makeCjkPdf([
      [
        { x: LEFT + 2 * SIZE, y: 760, text: a },
        { x: LEFT, y: 740, text: b },
        { x: LEFT + 2 * SIZE, y: 720, text: '又一段' + '字'.repeat(PER_LINE - 5) },
        { x: LEFT, y: 700, text: '续行。' },
      ],
    ]);
    expect((await decodePdf(pdf)).text).toBe(`${a}\n${b}\n又一段${'字'.repeat(PER_LINE - 5)}续行。`);
  });

  it('reads a real office PDF (Chromium, embedded subset Noto CJK) back to the seed text exactly', async () => {
    // tests/fixtures/pdf/make-report-pdf.ts made this file from seed sample 003.
    const pdf = fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/pdf/report-003.pdf'));
    const seed = fs.readFileSync(path.join(SEED_SAMPLES_DIR, '003_acd45be5079132d5.txt'), 'utf8');
    const r = await decodeReport(new Uint8Array(pdf), '2023年度落实意识形态工作责任制工作总结.pdf');
    expect(r.encoding).toBe('pdf');
    expect(r.text).toBe(seed.split('\n').filter((l) => l.trim() !== '').join('\n'));
    expect(r.text).not.toMatch(/[\u2E80-\u2FDF]/); // no Kangxi/supplement radicals in place of 工 民 …
  });

  it('refuses a truncated or fake PDF in Chinese', async () => {
    const pdf = makeCjkPdf(layout(PARAGRAPHS));
    await expect(decodeReport(pdf.subarray(0, 200), '报告.pdf')).rejects.toThrow(/PDF/);
    await expect(decodeReport(new TextEncoder().encode('这不是PDF'), '报告.pdf')).rejects.toThrow(/内容不是 PDF 文件/);
  });

  it('folds radicals and compatibility ideographs to the ideographs a reader sees', () => {
    expect(foldIdeographs('⼯作⺠主⻔户⾯\uF900')).toBe('工作民主门户面豈');
  });
});

// Where the material beside the repository lives (../shared: seeds and the province corpus).
// Tests that need the corpus run when it is there, as in CI, and say so plainly when it is not.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
export const PROVINCES_DIR = path.join(SHARED_DIR, 'corpus', 'provinces');
export const SEED_SAMPLES_DIR = path.join(REPO_ROOT, 'seed', 'samples');

export function provinceCorpusAvailable(): boolean {
  const ok = fs.existsSync(path.join(PROVINCES_DIR, 'manifest.csv'));
  if (!ok) console.warn(`[tests] 省级政府工作报告语料不在 ${PROVINCES_DIR}：依赖它的测试被跳过`);
  return ok;
}

export function seedSampleFiles(): string[] {
  return fs
    .readdirSync(SEED_SAMPLES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(SEED_SAMPLES_DIR, f));
}

export const REALPAGES_FILE = path.join(SHARED_DIR, 'corpus', 'realpages', 'excerpts.jsonl');

export function realPagesAvailable(): boolean {
  const ok = fs.existsSync(REALPAGES_FILE);
  if (!ok) console.warn(`[tests] 真实网页摘录不在 ${REALPAGES_FILE}：依赖它的测试被跳过`);
  return ok;
}

/** The real excerpts of ../shared/corpus/realpages by id (third-party text: read here, never copied). */
export function realExcerpts(): Map<string, { id: string; url: string; text: string }> {
  const rows = fs.readFileSync(REALPAGES_FILE, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; url: string; text: string });
  return new Map(rows.map((r) => [r.id, r]));
}

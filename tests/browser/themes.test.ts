// A reviewer corrects the problem themes in the 问题主题 view — merges two themes, moves a statement to
// another theme — and the views and exports show the corrected themes afterwards.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiQuery, RESULTS_DIR, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Theme {
  id: string;
  label: string;
  statements: number;
}
const themes = async () => (await apiQuery<{ themes: Theme[] }>(h, 'themes.list', {})).themes;

/** Picks an option of an antd Select by typing its text, as a user does. */
async function choose(select: ReturnType<Harness['page']['getByTestId']>, text: string): Promise<void> {
  // A dropdown still closing (on a slow machine) may hold an option of the same name: none may be open.
  await expect.poll(() => h.page.locator('.ant-select-dropdown:visible').count()).toBe(0);
  await select.click();
  await h.page.keyboard.type(text);
  // The list filters as each character lands: an option found before it settles may have moved by the click.
  const options = h.page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect.poll(async () => (await options.allInnerTexts()).every((o) => o.includes(text)) && (await options.count()) > 0).toBe(true);
  await options.filter({ hasText: text }).first().click();
  // A pick that took closes the list.
  await expect.poll(() => h.page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

describe('correcting themes in the browser', () => {
  it('merges two themes, moves a statement, and the views and exports follow', async () => {
    const before = await themes();
    const [a, b, c] = before;
    await h.page.goto(`${h.url}/themes`);
    const table = h.page.getByTestId('theme-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();

    // Merge the first two themes from the first one's row.
    await h.page.getByTestId(`theme-merge-${a!.id}`).click();
    await choose(h.page.getByTestId('theme-dialog-select'), b!.label);
    await h.page.getByRole('button', { name: /确\s*定/ }).click();
    await h.page.getByText('主题已合并').waitFor();
    const merged = await themes();
    const survivor = merged.find((t) => t.id === a!.id || t.id === b!.id)!;
    const absorbed = survivor.id === a!.id ? b! : a!;
    expect(merged.map((t) => t.id)).not.toContain(absorbed.id);
    expect(survivor.statements).toBe(a!.statements + b!.statements);
    await expect.poll(() => table.innerText()).not.toContain(absorbed.label);
    const survivorRow = table.locator('tbody tr.ant-table-row').filter({ hasText: survivor.label });
    await expect.poll(() => survivorRow.innerText()).toContain(String(survivor.statements));
    const recurrences = await apiQuery<{ units: Array<{ runs: Array<{ theme: string }> }> }>(h, 'themes.recurrences', { minPeriods: 2 });
    expect(recurrences.units.flatMap((u) => u.runs.map((r) => r.theme))).not.toContain(absorbed.id);

    // Move the survivor's first statement to the third theme.
    await survivorRow.locator('.ant-table-row-expand-icon').click();
    const member = h.page.getByTestId('theme-member').first();
    await member.waitFor();
    const text = (await member.locator('.ant-typography').first().innerText()).trim();
    await choose(member.getByTestId('theme-member-move'), c!.label);
    await h.page.getByText('问题表述已移动').waitFor();
    const after = await themes();
    expect(after.find((t) => t.id === survivor.id)!.statements).toBe(survivor.statements - 1);
    expect(after.find((t) => t.id === c!.id)!.statements).toBe(c!.statements + 1);
    const moved = await apiQuery<{ rows: Array<{ text: string }> }>(h, 'themes.members', { theme: c!.id, page: 1, pageSize: 200 });
    expect(moved.rows.map((m) => m.text.trim())).toContain(text);
    await expect.poll(() => table.locator('tbody tr.ant-table-row').filter({ hasText: c!.label }).innerText()).toContain(String(c!.statements + 1));

    // The export holds the corrected themes; the audit log has both corrections.
    const csv = await (await h.page.request.get(`${h.url}/api/export/table/themes.csv`)).text();
    expect(csv).toContain(survivor.label);
    expect(csv).not.toContain(absorbed.label);
    const audit = await apiQuery<{ rows: Array<{ action: string }> }>(h, 'admin.auditLog', { page: 1, pageSize: 20 });
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['theme.merge', 'theme.move']));
    await h.page.screenshot({ path: path.join(RESULTS_DIR, 'view-themes-corrected.png'), fullPage: true });
  });
});

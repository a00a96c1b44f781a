// The standard editor's format-2 fields: the format version, the stages' kinds and a self stage,
// outcome labels, targets and the tie policy, checked by the server's validator with its errors at
// the field, saved and read back after a reload.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StandardDetail } from '../shared/contracts/standards';
import type { Standard } from '../shared/standards/standard';
import { apiGet, screenshot } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';

const suite = useBrowserSuite();
let page: Page;

beforeAll(async () => {
  page = await suite.as('orgadmin');
});

describe('format-2 fields in the standard editor', () => {
  it('when orgadmin switches a copy to format 2, names the levels and refers quota ties, then a wrong target is shown at its field and the fixed standard saves and reloads as edited', async () => {
    const choose = async (label: string, option: string) => {
      await page.locator(`.ant-select[aria-label="${label}"]`).click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
    };
    await page.getByRole('menuitem', { name: '评星标准' }).click();
    const tumen = page
      .getByTestId('standards-table')
      .locator('.ant-table-row', { hasText: 'tumen-2022' })
      .filter({ has: page.getByRole('cell', { name: '2022.1', exact: true }) });
    await tumen.getByRole('button', { name: '复制为新版本' }).click();
    const dialog = page.getByRole('dialog', { name: '复制为新版本' });
    await dialog.getByLabel('新版本号').fill('2026.f2');
    await dialog.getByRole('button', { name: '复制并编辑' }).click();
    await page.waitForURL(/\/standards\/[0-9a-f-]{36}\/edit$/);
    const id = /\/standards\/([0-9a-f-]{36})\/edit$/.exec(page.url())?.[1] ?? '';
    await page.getByTestId('validation-ok').waitFor();

    // Format 2: every stage gets its kind; a reference-only self stage is added.
    await choose('格式版本', '格式 2');
    await page.getByRole('columnheader', { name: '阶段类型' }).waitFor();
    await page.getByLabel('采用村自评').click();
    await page.getByTestId('validation-ok').waitFor();

    // Outcome labels: 5 星 → 和美家园.
    await page.getByRole('tab', { name: /定级规则/ }).click();
    await page.getByLabel('启用结果名称').click();
    await page.getByLabel('第1个结果名称').fill('和美家园');
    await page.getByTestId('validation-ok').waitFor();

    // Quotas: a target on a level that already has a limit is named at its field.
    await page.getByRole('tab', { name: /排名、名额与镇星级/ }).click();
    await page.getByLabel('启用名额限制').click();
    await page.getByRole('button', { name: '添加约占比例' }).click();
    const targetStars = page.locator('[data-path="quotas.targets[0].stars"] .ant-form-item-explain-error');
    await targetStars.waitFor();
    await expect(targetStars.textContent()).resolves.toMatch(/5 星/);
    const save = page.getByRole('button', { name: /保\s*存/ });
    await expect(save.isDisabled()).resolves.toBe(true);
    await screenshot(page, '45-standard-editor-format2-error');

    await choose('第1个约占比例的星级', '3 星');
    await page.getByLabel('第1个约占比例', { exact: true }).fill('40');
    await choose('并列处理', '报部门裁定');
    await page.getByTestId('validation-ok').waitFor();
    await screenshot(page, '45-standard-editor-format2');
    await save.click();
    await page.waitForURL(new RegExp(`/standards/${id}$`));

    const stored = (await apiGet<StandardDetail>(page, `/standards/${id}`)).document as unknown as Standard;
    expect(stored.formatVersion).toBe(2);
    expect(stored.outcomes?.labels.find((l) => l.stars === 5)?.label).toBe('和美家园');
    expect(stored.quotas).toMatchObject({ targets: [{ stars: 3, targetPercent: 40 }], ties: 'refer' });
    expect(stored.stages.find((s) => s.kind === 'self')).toMatchObject({ id: 'self', weight: 0, referenceOnly: true });

    // Reloaded, the editor shows what was saved.
    await page.goto(`/standards/${id}/edit`);
    await page.getByTestId('validation-ok').waitFor();
    await expect(page.locator('.ant-select[aria-label="格式版本"]').textContent()).resolves.toContain('格式 2');
    await page.getByRole('tab', { name: /定级规则/ }).click();
    await expect(page.getByLabel('第1个结果名称').inputValue()).resolves.toBe('和美家园');
    await page.getByRole('tab', { name: /排名、名额与镇星级/ }).click();
    await expect(page.getByLabel('第1个约占比例', { exact: true }).inputValue()).resolves.toBe('40');
    await expect(page.getByTestId('quota-targets').textContent()).resolves.toContain('报部门裁定');
  });
});

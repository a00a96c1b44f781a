import { describe, expect, it } from 'vitest';
import { login, problemsOn, screenshot } from './helpers/browser';
import { useBrowserSuite } from './helpers/suite';

const newPassword = 'Tumen#Village2026';

const suite = useBrowserSuite();

describe('account lifecycle across the separated admin roles', () => {
  it('when sysadmin creates an account and secadmin grants a town role, then the new user sees that town', async () => {
    const sys = await suite.open();
    await login(sys, 'sysadmin');
    await sys.getByRole('menuitem', { name: '账户管理' }).click();
    // The system administrator runs accounts but never assigns roles.
    await sys.locator('.ant-table-row').first().waitFor();
    await expect(sys.getByRole('button', { name: '分配角色' }).count()).resolves.toBe(0);
    await sys.getByRole('button', { name: /新建账户/ }).click();
    const create = sys.locator('.ant-modal');
    await create.locator('#username').fill('e2e.clerk');
    await create.locator('#displayName').fill('测试办事员');
    await create.locator('#password').fill('weak');
    await create.getByRole('button', { name: /创\s*建/ }).click();
    await create.getByText('密码至少 12 位').waitFor();
    await create.locator('#password').fill(newPassword);
    await create.getByRole('button', { name: /创\s*建/ }).click();
    await sys.getByText('账户已创建').waitFor();
    await sys.getByPlaceholder('用户名或姓名').fill('e2e.clerk');
    await sys.getByPlaceholder('用户名或姓名').press('Enter');
    const row = sys.locator('.ant-table-row', { hasText: 'e2e.clerk' });
    await row.getByText('未分配').waitFor();
    await screenshot(sys, '30-accounts-sysadmin');
    expect(problemsOn(sys)).toEqual([]);
    await sys.context().close();

    const sec = await suite.open();
    await login(sec, 'secadmin');
    await sec.goto('/accounts');
    await sec.getByPlaceholder('用户名或姓名').fill('e2e.clerk');
    await sec.getByPlaceholder('用户名或姓名').press('Enter');
    await sec.locator('.ant-table-row', { hasText: 'e2e.clerk' }).getByRole('button', { name: '分配角色' }).click();
    const modal = sec.locator('.ant-modal');
    const addRole = async (label: string) => {
      await modal.getByRole('button', { name: /添加角色/ }).click();
      await modal.locator('.ant-select:has(.ant-select-selection-placeholder:text-is("角色"))').last().click();
      await sec.keyboard.type(label);
      await sec.locator('.ant-select-item-option', { hasText: label }).first().click();
    };
    // 三权分立 is checked before anything is sent.
    await addRole('安全管理员');
    await addRole('审计管理员');
    await modal.getByText('三类角色不能由同一账户兼任').nth(1).waitFor();
    await screenshot(sec, '31-role-separation');
    await modal.getByRole('button', { name: '移除角色' }).first().click();
    await modal.getByRole('button', { name: '移除角色' }).first().click();

    await addRole('镇级管理员');
    await modal.locator('.ant-select', { hasText: '选择镇（街道）' }).click();
    await sec.locator('.ant-select-tree-treenode:not(.ant-select-tree-treenode-disabled) .ant-select-tree-node-content-wrapper')
      .filter({ hasText: /镇|街道/ })
      .first()
      .click();
    const town = (await modal.locator('.ant-select-selection-item').last().textContent()) ?? '';
    expect(town).toMatch(/镇|街道/);
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await sec.getByText('角色已更新').waitFor();
    await sec.locator('.ant-table-row', { hasText: 'e2e.clerk' }).getByText(`镇级管理员 · ${town}`).waitFor();
    expect(problemsOn(sec)).toEqual([]);
    await sec.context().close();

    const clerk = await suite.open();
    // The system admin chose the first password: the clerk replaces it before anything else.
    await login(clerk, 'e2e.clerk', newPassword, 'Clerk#OwnChoice2026');
    await clerk.getByText(`镇级管理员 · ${town}`).first().waitFor();
    await clerk.getByRole('menuitem', { name: '组织架构' }).click();
    await expect(clerk.locator('.ant-tree [data-org-name]').first().getAttribute('data-org-name')).resolves.toBe(town);
    await screenshot(clerk, '32-new-town-user');
    expect(problemsOn(clerk)).toEqual([]);
    await clerk.context().close();
  });
});

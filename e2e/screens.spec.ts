import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectNothingClipped } from './helpers/screen';

// Issue 15, item 3 acceptance at 1440×900: no table cell whose content overflows its box on the
// accounts, cluster and audit pages (audit: e2e/audit-page.spec.ts). Screenshots of the screens
// as an analyst meets them: playwright-report/issue-15/after-*.png.
const SHOTS = 'playwright-report/issue-15';
async function shot(page: Page, name: string) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  await page.waitForTimeout(800); // lazy charts draw after their container is measured
  await page.screenshot({ path: `${SHOTS}/after-${name}.png`, fullPage: true });
}

test.describe('tables at 1440×900', () => {
  test.use({ role: 'analyst', viewport: { width: 1440, height: 900 } });
  test.beforeEach(() => test.setTimeout(180_000));

  test('accounts list', async ({ page }) => {
    await page.goto('/accounts');
    await expect(page.getByTestId('account-row').first()).toBeVisible();
    await shot(page, 'accounts');
    await expectNothingClipped(page);
  });

  test('clusters list and a cluster page', async ({ page }) => {
    await page.goto('/clusters');
    await expect(page.getByTestId('cluster-row').first()).toBeVisible();
    await shot(page, 'clusters');
    await expectNothingClipped(page);
    await page.getByTestId('cluster-row').first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/clusters\/.+/);
    await shot(page, 'cluster');
    await expectNothingClipped(page);
  });

  test('an account page', async ({ page, request }) => {
    const r = await request.get('/api/v1/accounts?flagged=true&size=25');
    const top = ((await r.json()) as { rows: { account_id: string }[] }).rows[0];
    await page.goto(`/accounts/${top.account_id}`);
    await expect(page.getByTestId('event-row').first()).toBeVisible({ timeout: 30_000 });
    await shot(page, 'account');
    await expectNothingClipped(page, 'table');
  });
});

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// An axe-core scan (WCAG 2.x A and AA rules, colour contrast included) of each screen built from
// the components/ui primitives, at 1440×900, once its panels have loaded. A violation lists the
// rule and the offending elements.
async function expectNoViolations(page: Page, what: string) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
  expect(found, what).toEqual([]);
}

test.describe('accessibility (axe)', () => {
  test.use({ role: 'admin', viewport: { width: 1440, height: 900 } });

  test('overview, lists, detail pages, audit and admin have no WCAG A/AA violations', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    // Every page of the sidebar and the admin section (issue 15: every page, per role below).
    for (const url of [
      '/',
      '/queues',
      '/accounts',
      '/clusters',
      '/cases',
      '/exports',
      '/evidence/verify',
      '/audit',
      '/admin',
      '/admin/users',
      '/admin/clauses',
      '/admin/queues',
      '/admin/case-templates',
      '/inbox',
    ]) {
      await page.goto(url);
      await expectNoViolations(page, url);
    }
    await page.goto('/accounts');
    await page.getByTestId('account-row').first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/accounts\/.+/);
    await expectNoViolations(page, 'account page');
    await page.goto('/clusters');
    await page.getByTestId('cluster-row').first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/clusters\/.+/);
    await expectNoViolations(page, 'cluster page');
    await page.goto('/cases');
    const caseLink = page.getByRole('table').getByRole('link').first();
    if ((await caseLink.count()) > 0) {
      await caseLink.click();
      await expect(page).toHaveURL(/\/cases\/.+/);
      await expectNoViolations(page, 'case page');
    }
    await page.goto('/no-such-page');
    await expectNoViolations(page, 'not found');
  });
});

test.describe('accessibility (axe), analyst and legal', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  for (const role of ['analyst', 'legal'] as const)
    test.describe(role, () => {
      test.use({ role });
      test(`${role}: overview and an account page have no WCAG A/AA violations`, async ({
        page,
      }) => {
        test.setTimeout(180_000);
        await page.goto('/');
        await expectNoViolations(page, `${role} /`);
        await page.goto('/accounts');
        await page.getByTestId('account-row').first().getByRole('link').first().click();
        await expect(page).toHaveURL(/\/accounts\/.+/);
        await expectNoViolations(page, `${role} account page`);
      });
    });
});

test.describe('keyboard', () => {
  test.use({ role: 'analyst', viewport: { width: 1440, height: 900 } });

  test('the sidebar is reachable by Tab and a link opens with Enter', async ({ page }) => {
    await page.goto('/');
    const accounts = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
      name: 'Accounts',
    });
    for (
      let i = 0;
      i < 15 && !(await accounts.evaluate((el) => el === document.activeElement));
      i++
    )
      await page.keyboard.press('Tab');
    await expect(accounts).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/accounts$/);
  });
});

test.describe('accessibility (axe), signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 1440, height: 900 } });

  test('the sign-in page has no WCAG A/AA violations', async ({ page }) => {
    await page.goto('/login');
    await expectNoViolations(page, '/login');
  });
});

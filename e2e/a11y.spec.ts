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
    test.setTimeout(180_000);
    for (const url of [
      '/',
      '/accounts',
      '/clusters',
      '/audit',
      '/admin',
      '/admin/users',
      '/admin/clauses',
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
    await page.goto('/no-such-page');
    await expectNoViolations(page, 'not found');
  });
});

test.describe('accessibility (axe), signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] }, viewport: { width: 1440, height: 900 } });

  test('the sign-in page has no WCAG A/AA violations', async ({ page }) => {
    await page.goto('/login');
    await expectNoViolations(page, '/login');
  });
});

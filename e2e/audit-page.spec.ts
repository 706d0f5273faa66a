import { test, expect } from './fixtures';
import { storageFor } from './users';
import { expectAxeClean, expectNothingClipped } from './helpers/screen';

// Issue 15, item 7: the audit page reads as a diff with names, and a refused request (403) is in
// the log too. Screenshot: playwright-report/issue-15/after-audit.png.
test.describe('audit page', () => {
  test.use({ role: 'admin', viewport: { width: 1440, height: 900 } });

  test('a 403 is recorded; rows show names and readable changes, nothing overflows', async ({
    page,
    playwright,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const analyst = await playwright.request.newContext({
      baseURL,
      storageState: storageFor('analyst'),
    });
    expect((await analyst.get('/api/v1/audit?actor=nobody')).status()).toBe(403);
    await analyst.dispose();

    await page.goto('/audit?action=access.denied');
    const row = page.getByTestId('audit-row').first();
    await expect(row).toContainText('Ana Analyst');
    await expect(row).toContainText('Access refused (403)');
    const change = row.getByTestId('audit-change');
    await expect(change).toContainText('path');
    await expect(change).toContainText('/api/v1/audit');
    await expect(change).toContainText('audit:view');
    await expect(change).not.toContainText('{"'); // no raw JSON

    await page.goto('/audit');
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    await expectNothingClipped(page);
    await expectAxeClean(page);
    await page.screenshot({ path: 'playwright-report/issue-15/after-audit.png', fullPage: false });
  });
});

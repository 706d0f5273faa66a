import { test, expect } from './fixtures';

// The Overview's "Accounts flagged" tile and the list behind its link come from one definition
// (account_score.flagged, set by detection at its configured threshold): the number on the tile
// must equal the rows the link shows, counted page by page and as the list's total.
test.describe('overview flagged count', () => {
  test.use({ role: 'analyst' });

  test('equals the rows behind its link', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    const tile = page.getByRole('link', { name: /Accounts flagged/ });
    await expect(tile).toBeVisible();
    const shown = Number((await tile.locator('div').first().textContent())!.replace(/,/g, ''));
    // The demo scenario holds attackers: zero flagged would make this test vacuous.
    expect(shown, 'demo data must produce flagged accounts').toBeGreaterThan(0);

    await tile.click();
    await expect(page).toHaveURL(/\/accounts\?flagged=true$/);
    const total = page.getByTestId('total');
    await expect(total).toHaveText(/accounts · page 1 of/);
    expect(Number((await total.textContent())!.split(' ')[0].replace(/,/g, ''))).toBe(shown);

    // Count the rows themselves, every page, 100 to a page.
    await page.getByLabel('Rows per page').selectOption('100');
    await expect(page).toHaveURL(/size=100/);
    const busy = page.getByTestId('accounts-rows');
    await expect(busy).toHaveAttribute('aria-busy', 'false');
    const pages = Number(/of (\d+)/.exec((await total.textContent())!)![1]);
    const rows = page.getByTestId('account-row');
    const ids = new Set<string>();
    for (let p = 1; p <= pages; p++) {
      if (p > 1) {
        await page.getByRole('button', { name: 'Next →' }).click();
        await expect(total).toContainText(`page ${p} of ${pages}`);
      }
      // The previous page stays on screen (aria-busy) while the next loads: count only fresh rows.
      await expect(busy).toHaveAttribute('aria-busy', 'false');
      for (const id of await rows.locator('a[href^="/accounts/"]').allTextContents())
        ids.add(id.trim());
    }
    const counted = ids.size;
    expect(counted).toBe(shown);
  });
});

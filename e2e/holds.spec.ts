import { test, expect } from './fixtures';
import { expectAxeClean, expectNothingClipped } from './helpers/screen';
import { storageFor } from './users';

// Issue #10, item 7: legal sets a hold on a case with a reason; it shows on the case (timeline
// too) and on the held account's page; an analyst sees it but cannot set or lift one; the admin
// sets the retention period, previews a purge and sees the hold listed; legal lifts the hold.
// Each screen: axe, nothing clipped at 1440×900.

test.describe('legal holds and retention', () => {
  test.use({ role: 'analyst', viewport: { width: 1440, height: 900 } });

  test('legal holds a case, the account shows it, the admin sees it beside retention', async ({
    page,
    browser,
    consoleErrors,
  }) => {
    test.setTimeout(180_000);
    const stamp = Date.now();
    const accounts = (await (await page.request.get('/api/v1/accounts?size=5')).json()) as {
      rows: { account_id: string }[];
    };
    const account = accounts.rows[1]!.account_id;
    const made = await page.request.post('/api/v1/cases', {
      data: { title: `hold e2e ${stamp}`, source: { kind: 'account', account_id: account } },
    });
    expect(made.status()).toBe(200);
    const { case: c } = (await made.json()) as { case: { id: string; number: number } };

    // Legal sets the hold on the case page.
    const legal = await browser.newContext({
      storageState: storageFor('legal'),
      viewport: { width: 1440, height: 900 },
    });
    const lp = await legal.newPage();
    await lp.goto(`/cases/${c.id}`);
    const panel = lp.getByRole('region', { name: 'Legal hold' });
    await expect(panel).toContainText('Not on hold.');
    const set = panel.getByRole('form', { name: 'Set a hold' });
    await expect(set.getByRole('button', { name: 'Set hold' })).toBeDisabled(); // reason required
    await set.getByLabel('Reason for the hold').fill(`Litigation expected ${stamp}`);
    await set.getByRole('button', { name: 'Set hold' }).click();
    const active = panel.getByTestId('active-hold');
    await expect(active).toContainText(`Reason: Litigation expected ${stamp}`);
    await expect(active).toContainText(`Holds 1 linked account: ${account}`);
    const timeline = lp.getByRole('list', { name: 'Activity timeline' });
    await expect(timeline.getByText('Legal hold set', { exact: true })).toBeVisible();
    await expect(timeline).toContainText(`Reason: Litigation expected ${stamp}`);
    await expectAxeClean(lp);
    await expectNothingClipped(lp);

    // The held account's page says so, with the case.
    await lp.goto(`/accounts/${encodeURIComponent(account)}`);
    const banner = lp.getByRole('region', { name: 'Legal hold' });
    await expect(banner).toContainText('Under legal hold');
    await expect(banner.getByRole('link', { name: `Case #${c.number}` })).toBeVisible();
    await expect(banner).toContainText(`Litigation expected ${stamp}`);

    // The analyst sees the hold but has no form, and the server refuses the route.
    await page.goto(`/cases/${c.id}`);
    await expect(page.getByTestId('active-hold')).toContainText(`Litigation expected ${stamp}`);
    await expect(page.getByRole('form', { name: 'Lift the hold' })).toHaveCount(0);
    const refused = await page.request.post(`/api/v1/cases/${c.id}/hold/lift`, {
      data: { reason: 'not mine to lift' },
    });
    expect(refused.status()).toBe(403);

    // The admin sets a retention period, previews a purge and sees the hold; then keeps forever.
    const admin = await browser.newContext({
      storageState: storageFor('admin'),
      viewport: { width: 1440, height: 900 },
    });
    const ap = await admin.newPage();
    await ap.goto('/admin/retention');
    const form = ap.getByRole('form', { name: 'Retention period' });
    await form.getByLabel('Keep raw events for (days)').fill('36500');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(ap.getByTestId('retention-current')).toContainText('Kept for 36500 days');
    await form.getByRole('button', { name: 'Preview a purge' }).click();
    await expect(ap.getByRole('group', { name: 'Purge preview' })).toContainText(
      /A purge now would delete 0 events older than \d{4}-\d\d-\d\d and keep 0 of \d+ held accounts/,
    );
    const holds = ap.getByRole('table', { name: 'Active legal holds' });
    await expect(holds.getByRole('row').filter({ hasText: `#${c.number} hold e2e` })).toContainText(
      `Litigation expected ${stamp}`,
    );
    await expectAxeClean(ap);
    await expectNothingClipped(ap);
    await form.getByRole('button', { name: 'Keep forever' }).click();
    await expect(ap.getByTestId('retention-current')).toContainText('Kept forever');

    // Legal lifts the hold with a reason; it moves to the history and off the account page.
    await lp.goto(`/cases/${c.id}`);
    const lift = panel.getByRole('form', { name: 'Lift the hold' });
    await lift.getByLabel('Reason to lift').fill('Matter settled');
    await lift.getByRole('button', { name: 'Lift hold' }).click();
    await expect(panel).toContainText('Not on hold.');
    await expect(panel.getByRole('list', { name: 'Earlier holds' })).toContainText(
      `Litigation expected ${stamp} (lifted by Lee Legal: Matter settled)`,
    );
    await expect(timeline.getByText('Legal hold lifted', { exact: true })).toBeVisible();
    await lp.goto(`/accounts/${encodeURIComponent(account)}`);
    await expect(lp.getByRole('heading', { name: `Account ${account}` })).toBeVisible();
    await expect(lp.getByRole('region', { name: 'Legal hold' })).toHaveCount(0);
    expect(consoleErrors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    await Promise.all([admin.close(), legal.close()]);
  });
});

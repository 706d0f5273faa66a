import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures';
import { storageFor } from './users';

// The analyst's path through the workspace on the demo data loaded by the e2e global setup:
// filter accounts → open the top one → charts render → brush a window → star, tag, comment an event
// → reload, annotations persist → the admin's audit log shows them. Screenshots attached per screen.
async function shot(page: Page, info: TestInfo, name: string) {
  await info.attach(name, {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
}

const CHARTS = [
  'Daily volume',
  'Cumulative coverage',
  'Template reuse',
  'Reasoning share',
  'Output to input tokens',
  'Hour-of-week heat map',
];

test.describe('analyst flow', () => {
  test.use({ role: 'analyst' });

  test('filter, open, brush, annotate, reload, audit', async ({
    page,
    consoleErrors,
    browser,
  }, info) => {
    test.setTimeout(180_000); // a dozen navigations on a shared 2-core machine
    // Failed requests are checked by URL: the app has no favicon yet, and Chromium logs that 404 as a
    // console error without naming the URL, so console "Failed to load resource" lines are judged here.
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
        failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await shot(page, info, 'overview');

    await page.goto('/accounts');
    await page.getByLabel('Risk ≥').fill('0.3');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/risk_min=0\.3/);
    const rows = page.getByTestId('account-row');
    await expect(rows.first().or(page.getByText('No scored account matches'))).toBeVisible();
    // scripts/e2e.ts loads the demo scenario: an empty table here is a failure, not a skip.
    expect(await rows.count(), 'demo data must be loaded into the e2e database').toBeGreaterThan(0);
    await shot(page, info, 'accounts-filtered');

    // Keyboard: j / k move the selection, Enter opens the selected (top) account.
    const top = (await rows.first().locator('a').first().textContent())!.trim();
    await page.keyboard.press('j');
    await expect(rows.nth(1)).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/accounts/${top}(\\?|$)`), { timeout: 30_000 });

    for (const name of CHARTS)
      await expect(
        page
          .locator(`[data-chart="${name}"]`)
          .locator('svg')
          .first()
          .or(page.locator(`svg[data-chart="${name}"]`)),
      ).toBeVisible();
    await shot(page, info, 'account');

    // Brush: move its left handle three points to the left by keyboard (Recharts' travellers are
    // sliders that step one point per arrow key), one step at a time, checked by point index.
    const win = page.getByTestId('window');
    const start = Number(await win.getAttribute('data-start'));
    const end = await win.getAttribute('data-end');
    expect(start, 'the demo account must have more than a week of traffic').toBeGreaterThan(0);
    const handle = page.locator('[data-chart="Daily volume"]').getByRole('slider').first();
    await handle.scrollIntoViewIfNeeded();
    await handle.focus();
    const steps = Math.min(3, start);
    for (let i = 1; i <= steps; i++) {
      await page.keyboard.press('ArrowLeft');
      await expect(win).toHaveAttribute('data-start', String(start - i));
    }
    await expect(win).toHaveAttribute('data-end', end!);
    await expect(
      page.getByTestId('event-row').first().or(page.getByText('No events in this window.')),
    ).toBeVisible();
    if ((await page.getByTestId('event-row').count()) === 0)
      await page.getByRole('button', { name: 'All', exact: true }).click();
    // Pin one event by id (an earlier run may have starred the first one).
    const fresh = page
      .getByTestId('event-row')
      .filter({ has: page.getByRole('button', { name: 'Star', exact: true }) })
      .first();
    await expect(fresh).toBeVisible();
    const eventId = await fresh.getAttribute('data-event-id');
    const event = page.locator(`[data-testid="event-row"][data-event-id="${eventId}"]`);

    const comment = `e2e: systematic sweep ${Date.now()}`;
    await event.getByRole('button', { name: 'Star', exact: true }).click();
    await expect(event.getByRole('button', { name: 'Starred', exact: true })).toBeVisible();
    await event.getByRole('button', { name: 'Tag', exact: true }).click();
    await event.getByLabel('Tag').fill('e2e-sweep');
    await event.getByRole('button', { name: 'Save' }).click();
    await expect(event.getByText('#e2e-sweep')).toBeVisible();
    await event.getByRole('button', { name: 'Comment', exact: true }).click();
    await event.getByLabel('Comment').fill(comment);
    await event.getByRole('button', { name: 'Save' }).click();
    await expect(event.getByText(comment)).toBeVisible();
    await shot(page, info, 'account-annotated');

    await page.reload();
    const notes = page.getByTestId('account-annotations');
    await expect(notes.getByText(comment)).toBeVisible();
    await expect(notes.getByText('tagged #e2e-sweep').first()).toBeVisible();
    await expect(notes.getByText('starred').first()).toBeVisible();
    expect(consoleErrors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    expect(failed).toEqual([]);

    // The audit log is an admin screen: check it there.
    const admin = await browser.newContext({ storageState: storageFor('admin') });
    const ap = await admin.newPage();
    // The action filter offers the catalogue's labels and matches one action exactly.
    await ap.goto('/audit');
    for (const [label, action] of [
      ['Event starred', 'annotation.star'],
      ['Tag added', 'annotation.tag'],
      ['Comment added', 'annotation.comment'],
    ]) {
      await ap.getByLabel('Action').selectOption({ label });
      await ap.getByRole('button', { name: 'Filter' }).click();
      await expect(ap).toHaveURL(new RegExp(`action=${action.replace('.', '\\.')}`));
      const rows = ap.getByRole('row').filter({ has: ap.getByText(action, { exact: true }) });
      await expect(rows.filter({ hasText: 'analyst@distill.test' }).first()).toBeVisible();
      // exact match: no body row is another action (retried until the filtered page is on screen)
      await expect(
        ap.locator('tbody tr').filter({ hasNot: ap.getByText(action, { exact: true }) }),
      ).toHaveCount(0);
    }
    await shot(ap, info, 'audit-log');
    await admin.close();
  });
});

test.describe('legal is read-only', () => {
  test.use({ role: 'legal' });

  test('sees the account page without annotate or reveal controls; unknown ids are 404', async ({
    page,
  }, info) => {
    await page.goto('/accounts');
    const first = page.getByTestId('account-row').first();
    await expect(first.or(page.getByText(/No scored account|Nothing scored yet/))).toBeVisible();
    expect(
      await page.getByTestId('account-row').count(),
      'demo data must be loaded',
    ).toBeGreaterThan(0);
    await first.locator('a').first().click();
    await expect(page.getByTestId('event-row').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Star', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Reveal masked text/ })).toHaveCount(0);
    await shot(page, info, 'account-as-legal');
    const res = await page.goto('/accounts/does-not-exist');
    expect(res?.status()).toBe(404);
  });
});

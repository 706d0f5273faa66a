import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, signInAs } from './fixtures';
import { storageFor } from './users';

// Issue #10, cases: an analyst opens a case from an account, pins an annotated event and a chart,
// walks the workflow to closed with an outcome, and reads each step in the activity timeline; a
// second analyst who is not on a restricted case cannot open it. Each screen: axe, 1440×900.

async function screenIsClean(page: Page) {
  // Next streams the metadata of dynamic pages: wait for the title before axe looks for it.
  await expect(page).toHaveTitle(/Distill Watch/);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
    [],
  );
  // Nothing clipped: no sideways scroll, and no button or heading cut off inside its box.
  const clipped = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push('page scrolls sideways');
    for (const el of document.querySelectorAll<HTMLElement>(
      'main button, main h1, main h2, main h3, main label',
    ))
      if (el.scrollWidth > el.clientWidth + 1) out.push(el.textContent ?? el.tagName);
    return out;
  });
  expect(clipped).toEqual([]);
}

test.describe('cases', () => {
  test.use({ role: 'analyst', viewport: { width: 1440, height: 900 } });

  test('open from an account, pin evidence, walk the workflow to closed', async ({
    page,
    consoleErrors,
  }) => {
    test.setTimeout(180_000);
    await page.goto('/accounts');
    const rows = page.getByTestId('account-row');
    await expect(rows.first()).toBeVisible();
    const account = (await rows.first().locator('a').first().textContent())!.trim();
    await page.goto(`/accounts/${account}`);

    // Annotate one event on the account page (the existing annotation flow).
    await expect(
      page.getByTestId('event-row').first().or(page.getByText('No events in this window.')),
    ).toBeVisible({ timeout: 30_000 });
    if ((await page.getByTestId('event-row').count()) === 0)
      await page.getByRole('button', { name: 'All', exact: true }).click();
    const fresh = page
      .getByTestId('event-row')
      .filter({ has: page.getByRole('button', { name: 'Star', exact: true }) })
      .first();
    await expect(fresh).toBeVisible();
    const eventId = (await fresh.getAttribute('data-event-id'))!;
    await fresh.getByRole('button', { name: 'Star', exact: true }).click();
    await expect(
      page
        .locator(`[data-testid="event-row"][data-event-id="${eventId}"]`)
        .getByRole('button', { name: 'Starred', exact: true }),
    ).toBeVisible();

    // Open a case from the account.
    await page.getByRole('button', { name: 'Open case' }).click();
    const open = page.getByRole('form', { name: 'Open a case' });
    const title = `e2e case ${Date.now()}`;
    await open.getByLabel('Case title').fill(title);
    await open.getByRole('button', { name: 'Create case' }).click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(page.getByRole('heading', { name: new RegExp(title) })).toBeVisible();
    await expect(page.getByRole('link', { name: account, exact: true })).toBeVisible();

    // Pin the annotated event and a chart.
    await page.getByRole('button', { name: `Pin event ${eventId}` }).click();
    await expect(page.getByRole('list', { name: 'Pinned events' })).toContainText(eventId);
    const chartForm = page.getByRole('form', { name: 'Pin a chart' });
    await chartForm.getByLabel('From').fill('2020-01-01');
    await chartForm.getByLabel('To').fill(new Date().toISOString().slice(0, 10));
    await chartForm.getByRole('button', { name: 'Pin chart' }).click();
    const chart = page.getByTestId('pinned-chart').first();
    await expect(chart).toContainText(`Events per day — ${account}, 2020-01-01`);
    await expect(chart.locator('svg').first()).toBeVisible();

    // Walk the workflow.
    for (const step of ['Triage', 'Investigating', 'Pending legal', 'Actioned']) {
      await page.getByRole('button', { name: `Move to ${step}` }).click();
      await expect(page.locator('[aria-current="step"]')).toHaveText(step);
    }
    await page.getByRole('button', { name: 'Close case…' }).click();
    const close = page.getByRole('form', { name: 'Close case' });
    await close.getByLabel('Reason for closing').fill('Confirmed capability sweep');
    await close.getByLabel('Outcome for every account not set below').selectOption('suspended');
    await close.getByRole('button', { name: 'Close case' }).click();
    await expect(page.locator('[aria-current="step"]')).toHaveText('Closed');
    await expect(page.getByText('Closed by')).toContainText('Confirmed capability sweep');
    await expect(page.getByRole('cell', { name: 'Suspended' })).toBeVisible();

    const timeline = page.getByRole('list', { name: 'Activity timeline' });
    for (const label of [
      'Case opened',
      'Account linked',
      'Event pinned',
      'Chart pinned',
      'Case closed',
    ])
      await expect(timeline.getByText(label, { exact: true }).first()).toBeVisible();
    await expect(timeline.getByText('Status changed', { exact: true })).toHaveCount(4);
    await expect(timeline).toContainText('Actioned → Closed');
    await screenIsClean(page);

    await page.goto('/cases?status=all');
    await expect(page.getByRole('link', { name: new RegExp(title) })).toBeVisible();
    await screenIsClean(page);
    expect(consoleErrors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
  });

  test('a second analyst who is not on a restricted case cannot open it', async ({
    page,
    browser,
  }) => {
    const title = `restricted e2e ${Date.now()}`;
    const created = await page.request.post('/api/v1/cases', {
      data: { title, restricted: true, source: { kind: 'manual' } },
    });
    expect(created.status()).toBe(200);
    const { case: c } = (await created.json()) as { case: { id: string } };
    await page.goto(`/cases/${c.id}`);
    await expect(page.getByRole('heading', { name: new RegExp(title) })).toBeVisible();

    // A second analyst, made by the admin.
    const admin = await browser.newContext({ storageState: storageFor('admin') });
    const email = `analyst2-${Date.now()}@distill.test`;
    const made = await admin.request.post('/api/v1/admin/users', {
      data: { email, name: 'Second Analyst', role: 'analyst', password: 'second-analyst-pass' },
    });
    expect(made.status()).toBe(200);
    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const p2 = await other.newPage();
    await signInAs(p2, email, 'second-analyst-pass');
    // A password an admin set is replaced at first sign-in (issue 12) before anything else.
    await expect(p2).toHaveURL(/\/password$/);
    const form = p2.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password').fill('second-analyst-pass');
    await form.getByLabel('New password', { exact: true }).fill('second-analyst-own-9');
    await form.getByLabel('Repeat the new password').fill('second-analyst-own-9');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(p2.getByTestId('current-role')).toHaveText('analyst');
    const res = await p2.goto(`/cases/${c.id}`);
    expect(res?.status()).toBe(404);
    await expect(p2.getByRole('heading', { name: new RegExp(title) })).toHaveCount(0);
    expect((await p2.request.get(`/api/v1/cases/${c.id}`)).status()).toBe(404);
    await p2.goto(`/cases?status=all&q=${encodeURIComponent(title)}`);
    await expect(p2.getByText('No cases match')).toBeVisible();
    // Legal reads every case, restricted ones included.
    const legal = await browser.newContext({ storageState: storageFor('legal') });
    expect((await legal.request.get(`/api/v1/cases/${c.id}`)).status()).toBe(200);
    await Promise.all([admin.close(), other.close(), legal.close()]);
  });
});

test.describe('cases from a selection, with a template', () => {
  test.use({ role: 'admin', viewport: { width: 1440, height: 900 } });

  test('an admin keeps a template; a case opened from two selected accounts gets its tasks', async ({
    page,
  }) => {
    const type = `sweep-${Date.now()}`;
    await page.goto('/admin/case-templates');
    const form = page.getByRole('form', { name: 'Case template' });
    await form.getByLabel('Case type').fill(type);
    await form.getByLabel('Name').fill(`Sweep ${type}`);
    await form.getByLabel('Default severity').selectOption('high');
    await form.getByLabel('Tasks').fill('Check coverage\nAsk legal');
    await form.getByRole('button', { name: 'Save template' }).click();
    await expect(page.getByRole('button', { name: `Edit Sweep ${type}` })).toBeVisible();
    await screenIsClean(page);

    await page.goto('/accounts');
    const rows = page.getByTestId('account-row');
    await expect(rows.nth(1)).toBeVisible();
    const ids = await Promise.all(
      [0, 1].map(async (i) => (await rows.nth(i).locator('a').first().textContent())!.trim()),
    );
    for (const id of ids) await page.getByLabel(`Select ${id}`, { exact: true }).check();
    await page.getByRole('button', { name: 'Open case with 2 accounts' }).click();
    const open = page.getByRole('form', { name: 'Open a case' });
    await open.getByLabel('Case type').selectOption(type);
    await open.getByRole('button', { name: 'Create case' }).click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    for (const id of ids)
      await expect(page.getByRole('link', { name: id, exact: true })).toBeVisible();
    await expect(page.getByText('Check coverage')).toBeVisible();
    await expect(page.getByText('0 of 2 done')).toBeVisible();
  });
});

test.describe('the cases list filter bar', () => {
  test.use({ role: 'analyst', viewport: { width: 1440, height: 900 } });

  test('filters live in the URL, and a bad parameter shows a hint', async ({ page }) => {
    const title = `filter bar e2e ${Date.now()}`;
    const made = await page.request.post('/api/v1/cases', {
      data: { title, tags: ['fbar'], source: { kind: 'manual' } },
    });
    expect(made.status()).toBe(200);
    await page.goto('/cases?status=shut&tag=fbar');
    const bar = page.getByRole('form', { name: 'Case filters' });
    await expect(bar.getByTestId('filter-hint')).toContainText('status=shut is not valid');
    await expect(page.getByRole('link', { name: new RegExp(title) })).toBeVisible();
    await bar.getByLabel('Status').selectOption('all');
    await bar.getByLabel('Search').fill(title);
    await bar.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/status=all/);
    expect(new URL(page.url()).searchParams.get('q')).toBe(title);
    expect(new URL(page.url()).searchParams.get('tag')).toBe('fbar');
    await expect(page.getByRole('link', { name: new RegExp(title) })).toHaveCount(1);
    await expect(bar.getByTestId('filter-hint')).toHaveCount(0);
    // The link alone reproduces the view.
    await page.goto(page.url());
    await expect(page.getByRole('form', { name: 'Case filters' }).getByLabel('Search')).toHaveValue(
      title,
    );
    await bar.getByRole('link', { name: 'Reset' }).click();
    await expect(page).toHaveURL(/\/cases$/);
    await screenIsClean(page);
  });
});

import type { APIRequestContext, Page } from '@playwright/test';
import pg from 'pg';
import { test, expect } from './fixtures';
import { storageFor } from './users';

// Issue 15, items 4 and 5 on the demo data: the comment limit is shown and enforced without losing
// text, an empty save says why, long unbroken text wraps, authors edit and delete (audited with
// before and after), and a reveal of masked text asks for a reason that lands in the audit row.
const SHOTS = 'playwright-report/issue-15';

async function openAccount(page: Page, account: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/accounts/${account}`);
  await page.getByTestId('window').waitFor();
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(page.getByTestId('event-row').first()).toBeVisible();
}

/** An account with an e-mail address (masked on screen) among its 25 newest events (page one). */
async function accountWithMaskedText(): Promise<string> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const r = await db.query<{ account_id: string }>(
      `SELECT account_id FROM (
         SELECT account_id, prompt, row_number() OVER (PARTITION BY account_id ORDER BY ts DESC, id DESC) AS n
         FROM events) e
       WHERE n <= 25 AND prompt ~ '[A-Za-z0-9._-]+@[A-Za-z0-9-]+\\.[a-z]{2,}'
       GROUP BY account_id ORDER BY count(*) DESC LIMIT 1`,
    );
    expect(r.rows, 'the demo scenario has prompts with e-mail addresses').toHaveLength(1);
    return r.rows[0].account_id;
  } finally {
    await db.end();
  }
}

async function openTopAccount(page: Page, request: APIRequestContext) {
  const r = await request.get('/api/v1/accounts?flagged=true&size=25');
  const top = ((await r.json()) as { rows: { account_id: string }[] }).rows[0];
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/accounts/${top.account_id}`);
  await page.getByTestId('window').waitFor();
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(page.getByTestId('event-row').first()).toBeVisible();
}

async function auditRows(action: string) {
  const { request } = await import('@playwright/test');
  const ctx = await request.newContext({
    baseURL: test.info().project.use.baseURL,
    storageState: storageFor('admin'),
  });
  const body = await (await ctx.get(`/api/v1/audit?action=${action}&limit=20`)).json();
  await ctx.dispose();
  return body.entries as { before: unknown; after: unknown; reason: string | null }[];
}

test.describe('annotations and reveal', () => {
  test.use({ role: 'analyst' });
  test.beforeEach(() => test.setTimeout(180_000));

  test('limits refuse with a message, long text wraps, the author edits and deletes', async ({
    page,
    request,
  }) => {
    await openTopAccount(page, request);
    const event = page.getByTestId('event-row').nth(1);
    await event.getByRole('button', { name: 'Comment', exact: true }).click();
    const box = event.getByLabel('Comment');
    await event.getByRole('button', { name: 'Save' }).click();
    await expect(event.getByRole('alert')).toContainText('Comment is empty');
    await box.fill('x'.repeat(4001));
    await expect(event.getByTestId('text-count')).toHaveText('4001 / 4000');
    await event.getByRole('button', { name: 'Save' }).click();
    await expect(event.getByRole('alert')).toContainText('the limit is 4000');
    expect((await box.inputValue()).length).toBe(4001); // nothing cut
    const long = `e2e-${Date.now()}-` + 'unbroken'.repeat(40);
    await box.fill(long);
    await event.getByRole('button', { name: 'Save' }).click();
    const item = event.getByTestId('annotation-item').filter({ hasText: long });
    await expect(item).toBeVisible();
    const fits = await item
      .getByTestId('annotation-text')
      .evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    expect(fits, 'a long unbroken comment wraps inside its row').toBe(true);
    await page.screenshot({ path: `${SHOTS}/after-annotations.png`, fullPage: true });

    await expect(item.getByTestId('annotation-edited')).toHaveCount(0);
    await item.getByRole('button', { name: 'Edit comment' }).click();
    await item.getByLabel('Comment').fill(`${long} (edited)`);
    await item.getByRole('button', { name: 'Save' }).click();
    const edited = event.getByTestId('annotation-item').filter({ hasText: '(edited)' });
    await expect(edited).toBeVisible();
    // marked "edited", the time of the edit on hover (a never-edited one carried no mark above)
    const mark = edited.getByTestId('annotation-edited');
    await expect(mark).toHaveText('edited');
    await expect(mark).toHaveAttribute('title', /^edited \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    // another reader (legal) sees the mark too, and the comment is gone for them once deleted
    const reader = await page
      .context()
      .browser()!
      .newContext({
        storageState: storageFor('legal'),
        baseURL: test.info().project.use.baseURL,
      });
    const other = await reader.newPage();
    await openAccount(other, page.url().split('/accounts/')[1].split('?')[0]);
    const seen = other.getByTestId('annotation-item').filter({ hasText: '(edited)' });
    await expect(seen.first().getByTestId('annotation-edited')).toBeVisible();
    const [update] = await auditRows('annotation.update');
    expect(update.before).toMatchObject({ value: long });
    expect(update.after).toMatchObject({ value: `${long} (edited)` });

    await edited.getByRole('button', { name: 'Delete comment' }).click();
    await expect(edited).toHaveCount(0);
    await other.reload();
    const panel = other.getByTestId('account-annotations');
    await expect(panel.getByRole('list').or(panel.getByText('No annotations yet'))).toBeVisible();
    await expect(other.getByTestId('annotation-item').filter({ hasText: long })).toHaveCount(0);
    await reader.close();
    const [del] = await auditRows('annotation.delete');
    expect(del.before).toMatchObject({ value: `${long} (edited)` });
  });

  test('reveal is offered only on masked events and needs a reason, kept in the audit row', async ({
    page,
  }) => {
    const rows = page.getByTestId('event-row');
    const offer = page.getByRole('button', { name: 'Reveal masked text…' });
    await openAccount(page, await accountWithMaskedText());
    // Rows without a "masked" note offer no reveal.
    const plain = rows.filter({ hasNotText: 'masked' });
    if ((await plain.count()) > 0)
      await expect(plain.first().getByRole('button', { name: /Reveal/ })).toHaveCount(0);
    await expect(offer.first()).toBeVisible();
    const id = await rows.filter({ has: offer }).first().getAttribute('data-event-id');
    const row = page.locator(`[data-testid="event-row"][data-event-id="${id}"]`);
    await row.getByRole('button', { name: 'Reveal masked text…' }).click();
    await row.getByRole('button', { name: 'Reveal (logged)' }).click();
    await expect(row.getByRole('alert')).toContainText('Say why');
    const reason = `e2e check ${Date.now()}`;
    await row.getByLabel('Reason for revealing').fill(reason);
    await row.getByRole('button', { name: 'Reveal (logged)' }).click();
    await expect(row.getByText(/\d+ masked/)).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/after-reveal.png` });
    const [audit] = await auditRows('event.reveal');
    expect(audit.reason).toBe(reason);
  });
});

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Issue #12: the ingest-token screen (/admin/tokens). An admin creates a token with a scope and
// sees its secret once, the secret feeds the ingest endpoint, a confirmed revoke stops it; the
// screen passes axe; an analyst gets the 404 page and a 403 from the API behind it.
async function expectNoViolations(page: Page, what: string) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = result.violations.map((v) => ({ rule: v.id, nodes: v.nodes.length }));
  expect(found, what).toEqual([]);
}
const EVENT = JSON.stringify({
  id: `e2e-token-${Date.now()}`,
  ts: '2026-11-01T10:00:00Z',
  account_id: 'e2e-token-acct',
  model: 'm',
  prompt: 'hello',
});

test.describe('admin manages ingest tokens', () => {
  test.use({ role: 'admin', viewport: { width: 1440, height: 900 } });

  test('create with a scope, see the secret once, use it, revoke it after confirming', async ({
    page,
  }) => {
    const request = page.request;
    const name = `e2e-token-${Date.now()}`;
    await page.goto('/admin');
    await page.getByRole('link', { name: /Ingest tokens/ }).click();
    await expect(page).toHaveURL(/\/admin\/tokens$/);
    await expectNoViolations(page, '/admin/tokens');

    const form = page.getByRole('form', { name: 'Create ingest token' });
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByRole('region', { name: 'New ingest token' });
    await expect(shown.getByTestId('new-token')).toHaveText(/^dwi_[A-Za-z0-9_-]{43}$/);
    const secret = (await shown.getByTestId('new-token').textContent())!;
    await expectNoViolations(page, '/admin/tokens with the new secret');
    const row = page.getByTestId(`token-row-${name}`);
    await expect(row).toContainText(secret.slice(0, 12));
    await expect(row).toContainText('events');
    await expect(row).toContainText('active');

    const ingest = (token: string) =>
      request.post('/api/v1/ingest/events', {
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
        data: `${EVENT}\n`,
      });
    expect((await ingest(secret)).status()).toBe(200);
    const accounts = await request.post('/api/v1/ingest/accounts', {
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/x-ndjson' },
      data: '{"account_id":"e2e-token-acct"}\n',
    });
    expect(accounts.status()).toBe(403); // scope: events only

    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await expect(shown).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0);
    await expect(row.getByRole('cell').nth(5)).toContainText('UTC'); // last used: now set

    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    const confirm = row.getByRole('group', { name: `Confirm revoking ${name}` });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(row).toContainText('active');
    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    await confirm.getByRole('button', { name: 'Revoke for good' }).click();
    await expect(row).toContainText('revoked');
    expect((await ingest(secret)).status()).toBe(401);

    await page.goto('/audit?target=ingest_token');
    await expect(page.getByRole('cell', { name: 'ingest_token.create' }).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: 'ingest_token.revoke' }).first()).toBeVisible();
  });
});

test.describe('an analyst', () => {
  test.use({ role: 'analyst' });

  test('gets the 404 page at /admin/tokens and 403 from the API', async ({ page }) => {
    const request = page.request;
    const res = await page.goto('/admin/tokens');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    expect((await request.get('/api/v1/admin/ingest-tokens')).status()).toBe(403);
    const post = await request.post('/api/v1/admin/ingest-tokens', { data: { name: 'x' } });
    expect(post.status()).toBe(403);
  });
});

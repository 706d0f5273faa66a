import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { storageFor } from './users';
import { expectAxeClean, expectNothingClipped } from './helpers/screen';

// Legal builds a package from a case with redaction on, watches it build, downloads it, and
// uploads it to Verify, where every check passes. An analyst can do none of it.
let caseId = '';

test.beforeAll(async ({ browser }) => {
  // Cases are opened by analysts/admins (cases:write); legal only reads them.
  const admin = await browser.newContext({ storageState: storageFor('admin') });
  const accounts = await admin.request.get('/api/v1/accounts?flagged=true&size=25');
  expect(accounts.ok()).toBe(true);
  const [acct] = (await accounts.json()).rows as { account_id: string }[];
  const res = await admin.request.post('/api/v1/cases', {
    data: {
      title: 'E2E evidence package',
      summary: 'Flagged account exported for counsel.',
      source: { kind: 'account', account_id: acct!.account_id },
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
  caseId = (await res.json()).case.id;
  await admin.close();
});

test.describe('legal', () => {
  test.use({ role: 'legal' });

  test('builds a redacted package, downloads it and verifies it', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('link', { name: 'Export evidence' }).click();
    await expect(page.getByRole('heading', { name: /Evidence package — case #/ })).toBeVisible();
    const redact = page.getByLabel(/Redact third-party personal data/);
    await expect(redact).toBeChecked();
    await page.getByRole('button', { name: 'Build package' }).click();
    // Progress: the job appears queued or running, then finishes with a download link.
    const row = page.locator('[data-testid^="export-"]').first();
    await expect(row.getByText(/^(queued|running|done)$/)).toBeVisible();
    const download = row.getByRole('link', { name: /Download evidence-.*\.zip/ });
    await expect(download).toBeVisible({ timeout: 150_000 });
    await expect(row.getByText('redacted')).toBeVisible();
    const [dl] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const zip = readFileSync((await dl.path())!);
    expect(zip.subarray(0, 2).toString()).toBe('PK');

    await page.goto('/evidence/verify');
    await page.getByLabel(/Package \(\.zip/).setInputFiles({
      name: dl.suggestedFilename(),
      mimeType: 'application/zip',
      buffer: zip,
    });
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('status')).toHaveText(/Verified: every check passed/, {
      timeout: 60_000,
    });
    const checks = page.locator('[data-testid^="check-"]');
    await expect(checks.nth(7)).toBeVisible(); // at least eight checks
    await expect(checks.getByText('FAIL', { exact: true })).toHaveCount(0);
    // The download is a custody event on the case.
    const exportsRes = await page.request.get(`/api/v1/cases/${caseId}/exports`);
    expect((await exportsRes.json()).exports[0].status).toBe('done');
  });

  test('rebuilds a package from its cut-off and lists it on every package list', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const before = (await (await page.request.get(`/api/v1/cases/${caseId}/exports`)).json())
      .exports as { id: string; status: string; bag_sha256: string | null }[];
    const original = before.find((j) => j.status === 'done');
    expect(original, 'the first test leaves a finished package').toBeTruthy();
    await page.goto(`/cases/${caseId}/export`);
    const list = page.getByRole('table', { name: 'Evidence packages' });
    await list.getByRole('button', { name: `Rebuild export ${original!.id}` }).click();
    // The rebuild is a new job on the same case, built by the server's worker to a download.
    const rebuilt = list.locator('[data-testid^="export-"]', {
      hasText: `rebuild of ${original!.id.slice(0, 8)}`,
    });
    await expect(rebuilt).toHaveCount(1);
    await expect(rebuilt.getByRole('link', { name: /Download evidence-.*\.zip/ })).toBeVisible({
      timeout: 150_000,
    });
    await expect(rebuilt.getByText('done', { exact: true })).toBeVisible();
    // The builder and the package list on the primitives: accessible, nothing cut off.
    await expectAxeClean(page);
    await expectNothingClipped(page);
    const after = (await (await page.request.get(`/api/v1/cases/${caseId}/exports`)).json())
      .exports as { id: string; rebuild_of: string | null }[];
    expect(after.length).toBe(before.length + 1);
    expect(after[0].rebuild_of).toBe(original!.id);

    // All packages: the case's packages with a link back to its export page.
    await page.goto('/exports');
    await expect(page.getByRole('heading', { name: 'Evidence packages' })).toBeVisible();
    const row = page.getByTestId(`export-${after[0].id}`);
    await expect(row.getByRole('link', { name: /E2E evidence package/ })).toBeVisible();
    await expectAxeClean(page);
    await expectNothingClipped(page);
    await row.getByRole('link', { name: /E2E evidence package/ }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/export$`));
  });
});

test.describe('analyst', () => {
  test.use({ role: 'analyst' });

  test('cannot open the export page or build a package', async ({ page }) => {
    await page.goto(`/cases/${caseId}`);
    await expect(page.getByRole('heading', { name: /E2E evidence package/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Export evidence' })).toHaveCount(0);
    const res = await page.goto(`/cases/${caseId}/export`);
    expect(res?.status()).toBe(404);
    const api = await page.request.post(`/api/v1/cases/${caseId}/exports`, { data: {} });
    expect(api.status()).toBe(403);
    expect((await page.request.get('/api/v1/exports')).status()).toBe(403);
    // Nor rebuild one: refused on the server whatever the id.
    const rebuild = await page.request.post(
      '/api/v1/exports/00000000-0000-4000-8000-000000000011/rebuild',
      { data: {} },
    );
    expect(rebuild.status()).toBe(403);
    const verify = await page.goto('/evidence/verify');
    expect(verify?.status()).toBe(404);
  });
});

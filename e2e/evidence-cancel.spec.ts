import { test, expect } from './fixtures';
import { storageFor } from './users';

// Legal starts a package build and cancels it while it runs: the job ends "cancelled", the list
// offers no download, and the download route refuses it. The e2e server sets
// EVIDENCE_TEST_BUILD_PAUSE_MS (playwright.config.ts): each build pauses that long after its
// natives pass, as a large scope would take to stream, so the build is still running when the
// cancel reaches it; the pause is abortable like the rest of the build (docs/evidence.md).
let caseId = '';

test.beforeAll(async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageFor('admin') });
  const accounts = await admin.request.get('/api/v1/accounts?flagged=true&size=25');
  expect(accounts.ok()).toBe(true);
  const rows = (await accounts.json()).rows as { account_id: string }[];
  const res = await admin.request.post('/api/v1/cases', {
    data: {
      title: 'E2E cancelled package',
      summary: 'A build legal stops before it finishes.',
      source: { kind: 'account', account_id: rows.at(-1)!.account_id },
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
  caseId = (await res.json()).case.id;
  await admin.close();
});

test.describe('legal', () => {
  test.use({ role: 'legal' });

  test('cancels a running build and no package remains to download', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/cases/${caseId}/export`);
    await page.getByRole('button', { name: 'Build package' }).click();
    const row = page.locator('[data-testid^="export-"]').first();
    // Cancel only once the worker is building it (a queued job would be cancelled unbuilt).
    await expect(row.getByText('running', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(row.getByRole('progressbar')).toBeVisible();
    await row.getByRole('button', { name: 'Cancel' }).click();
    await expect(row.getByText('cancelled', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(row.getByText('Cancelled while building')).toBeVisible();
    await expect(row.getByRole('link', { name: /Download/ })).toHaveCount(0);
    await expect(row.getByRole('button', { name: 'Cancel' })).toHaveCount(0);

    const jobs = (await (await page.request.get(`/api/v1/cases/${caseId}/exports`)).json())
      .exports as { id: string; status: string; bag_name: string | null; started_at: string }[];
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: 'cancelled', bag_name: null });
    expect(jobs[0].started_at, 'the worker had started it').toBeTruthy();
    const dl = await page.request.get(`/api/v1/exports/${jobs[0].id}/download`);
    expect(dl.ok()).toBe(false);
    expect(dl.headers()['content-type']).not.toContain('zip');
  });
});

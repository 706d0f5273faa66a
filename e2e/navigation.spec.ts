import { test, expect, signInAs } from './fixtures';
import { USERS } from './users';

// Issue 15, item 6: links that reproduce a view. A deep link opened while signed out comes back
// after sign-in; sign-out stays on the host in use; unknown ids get the styled 404 in the layout.
test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a deep link opened while signed out returns to that page after sign-in', async ({
    page,
  }) => {
    await page.goto('/accounts?flagged=true');
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel('Email').fill(USERS.analyst.email);
    await page.getByLabel('Password').fill(USERS.analyst.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/accounts\?flagged=true$/, { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Accounts');
  });

  test('a callback to another host is refused: sign-in lands on the overview', async ({ page }) => {
    await page.goto('/login?callbackUrl=' + encodeURIComponent('//evil.example/x'));
    await signInAs(page, USERS.analyst.email, USERS.analyst.password);
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/, { timeout: 30_000 });
  });

  test('sign-out stays on the host the user is on', async ({ page, baseURL }) => {
    const local = baseURL!.replace('127.0.0.1', 'localhost');
    await page.goto(`${local}/login`);
    await page.getByLabel('Email').fill(USERS.analyst.email);
    await page.getByLabel('Password').fill(USERS.analyst.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${local}/login`);
  });
});

test.describe('not found', () => {
  test.use({ role: 'analyst' });

  for (const path of ['/accounts/no_such_account', '/clusters/no-such-cluster']) {
    test(`${path} shows the styled 404 inside the layout`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Back to the overview' })).toBeVisible();
    });
  }
});

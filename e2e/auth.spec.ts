import { test, expect, signInAs } from './fixtures';
import { LOCKOUT_USER, USERS } from './users';

const NAV_BY_ROLE = {
  admin: [
    'Overview',
    'Queues',
    'Accounts',
    'Clusters',
    'Cases',
    'Exports',
    'Verify',
    'Audit',
    'Admin',
  ],
  analyst: ['Overview', 'Queues', 'Accounts', 'Clusters', 'Cases'],
  legal: ['Overview', 'Accounts', 'Clusters', 'Cases', 'Exports', 'Verify'],
} as const;

for (const role of ['admin', 'analyst', 'legal'] as const) {
  test.describe(`${role} session`, () => {
    test.use({ role });
    test(`${role} sees exactly its sidebar entries and its role in the header`, async ({
      page,
    }) => {
      await page.goto('/');
      await expect(page.getByTestId('current-role')).toHaveText(role);
      await expect(page.getByTestId('current-user')).toContainText(USERS[role].email);
      const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
      await expect(links).toHaveText([...NAV_BY_ROLE[role]]);
    });
  });
}

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a page redirects to sign-in and an API answers 401', async ({ page, request }) => {
    await page.goto('/accounts');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccounts$/);
    const res = await request.get('/api/v1/audit');
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
  });

  test('a wrong password gets a clear error', async ({ page }) => {
    await signInAs(page, USERS.analyst.email, 'not-the-password');
    await expect(
      page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test('repeated failures lock the account with a clear message, even for the right password', async ({
    page,
  }) => {
    for (let i = 0; i < 3; i++) {
      await signInAs(page, LOCKOUT_USER.email, `wrong-${i}-password`);
      await expect(
        page.getByRole('alert').filter({ hasText: /Wrong email or password|Too many/ }),
      ).toBeVisible();
    }
    await signInAs(page, LOCKOUT_USER.email, LOCKOUT_USER.password);
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: /Too many failed sign-in attempts\. Try again in \d+ minutes?\./ }),
    ).toBeVisible();
  });

  test('sign in and sign out', async ({ page }) => {
    await signInAs(page, USERS.legal.email, USERS.legal.password);
    await expect(page.getByTestId('current-role')).toHaveText('legal');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/cases');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcases$/);
  });
});

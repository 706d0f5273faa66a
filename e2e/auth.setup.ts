import { expect, test as setup } from '@playwright/test';
import { ROLE_NAMES, USERS, storageFor } from './users';

// Signs in once per role through the real form and saves the session cookie for the specs.
for (const role of ROLE_NAMES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(USERS[role].email);
    await page.getByLabel('Password').fill(USERS[role].password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('current-role')).toHaveText(role);
    await page.context().storageState({ path: storageFor(role) });
  });
}

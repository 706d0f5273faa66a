import { test as base, expect, type Page } from '@playwright/test';
import { storageFor, type RoleName } from './users';

// `test.use({ role: 'analyst' })` gives a page already signed in as that role; the fixture also
// fails the test on any console error the page logs.
export const test = base.extend<{ role: RoleName; consoleErrors: string[] }>({
  role: ['analyst', { option: true }],
  storageState: async ({ role }, provide) => provide(storageFor(role)),
  consoleErrors: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await provide(errors);
  },
});

export async function signInAs(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export { expect };

import { test, expect, signInAs } from './fixtures';

test.describe('admin manages users', () => {
  test.use({ role: 'admin' });

  test('create, re-role and disable a user; every change is in the audit log', async ({
    page,
    browser,
  }) => {
    const email = `temp-${Date.now()}@distill.test`;
    await page.goto('/admin/users');
    const form = page.getByRole('form', { name: 'Create user' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Name').fill('Temp Analyst');
    await form.getByLabel('Role').selectOption('analyst');
    await form.getByLabel('Initial password').fill('temp-password-123');
    await form.getByRole('button', { name: 'Create user' }).click();
    const row = page.getByTestId(`user-row-${email}`);
    await expect(row).toBeVisible();

    await row.getByLabel(`Role of ${email}`).selectOption('legal');
    await expect(row.getByLabel(`Role of ${email}`)).toHaveValue('legal');
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(row).toContainText('disabled');
    // The select shows the chosen role before the server answers: the reloaded list is the proof.
    await page.reload();
    await expect(row.getByLabel(`Role of ${email}`)).toHaveValue('legal');
    await expect(row).toContainText('disabled');

    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const p2 = await other.newPage();
    await signInAs(p2, email, 'temp-password-123');
    await expect(
      p2.getByRole('alert').filter({ hasText: 'Wrong email or password.' }),
    ).toBeVisible();
    await other.close();

    await page.goto(`/audit?target=user`);
    await expect(page.getByRole('cell', { name: 'user.create' }).first()).toBeVisible();
    await expect(page.getByRole('cell', { name: 'user.update' }).first()).toBeVisible();
  });

  test('duplicate email gets an error naming the problem', async ({ page }) => {
    await page.goto('/admin/users');
    const form = page.getByRole('form', { name: 'Create user' });
    await form.getByLabel('Email').fill('analyst@distill.test');
    await form.getByLabel('Name').fill('Dup');
    await form.getByLabel('Initial password').fill('temp-password-123');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect(form.getByRole('alert')).toContainText('already exists');
  });
});

import { test, expect, signInAs } from './fixtures';

// Issue #12 defects 1 and 6: a password someone else set must be replaced at first sign-in
// before anything else (pages and API, enforced by the server), and the change ends every
// session issued before it, as signing out ends that session (a copied cookie stops working).
test.describe('forced password change', () => {
  test.use({ role: 'admin' });

  test('an admin-created user is held on the password page; old cookies die', async ({
    page,
    browser,
  }) => {
    const email = `forced-${Date.now()}@distill.test`;
    const created = await page.request.post('/api/v1/admin/users', {
      data: { email, name: 'Forced Change', role: 'analyst', password: 'initial-pass-123' },
    });
    expect(created.ok(), await created.text()).toBe(true);

    const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const p = await ctx.newPage();
    const errors: string[] = [];
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await signInAs(p, email, 'initial-pass-123');
    await expect(p).toHaveURL(/\/password$/);
    await expect(p.getByRole('heading', { name: 'Change your password' })).toBeVisible();
    await p.goto('/accounts');
    await expect(p).toHaveURL(/\/password$/);
    const api = await p.request.get('/api/v1/accounts');
    expect(api.status()).toBe(403);
    expect((await api.json()).error.code).toBe('password_change_required');
    const before = await ctx.storageState();

    const form = p.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password').fill('wrong-current-1');
    await form.getByLabel('New password', { exact: true }).fill('my-own-password-9');
    await form.getByLabel('Repeat the new password').fill('my-own-password-9');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByRole('alert')).toContainText('Current password is not your current');
    await form.getByLabel('Current password').fill('initial-pass-123');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(p.getByTestId('current-role')).toHaveText('analyst');
    expect((await p.request.get('/api/v1/accounts')).status()).toBe(200);

    // The cookie from before the change is refused, by the API and by pages.
    const stale = await browser.newContext({ storageState: before });
    expect((await stale.request.get('/api/v1/accounts')).status()).toBe(401);
    await stale.close();

    // Signing out ends this session on the server: a copy of its cookie is refused too.
    const copy = await ctx.storageState();
    await p.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(p).toHaveURL(/\/login/);
    const copied = await browser.newContext({ storageState: copy });
    expect((await copied.request.get('/api/v1/accounts')).status()).toBe(401);
    await copied.close();
    await ctx.close();
    // 400/401/403 answers above are requests, not page loads: the pages themselves logged nothing.
    expect(errors.filter((e) => !/status of 40[013]/.test(e))).toEqual([]);
  });
});

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

test.describe('the account view in the URL', () => {
  test.use({ role: 'analyst', viewport: { width: 1440, height: 900 } });
  test.beforeEach(() => test.setTimeout(180_000));

  async function topAccount(request: import('@playwright/test').APIRequestContext) {
    const r = await request.get('/api/v1/accounts?flagged=true&size=25');
    return ((await r.json()) as { rows: { account_id: string }[] }).rows[0].account_id;
  }

  test('window and order come from the link and go back into it', async ({ page, request }) => {
    const id = await topAccount(request);
    await page.goto(`/accounts/${id}`);
    const win = page.getByTestId('window');
    await expect(win).toBeVisible();
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    const [from, to] = (await win.textContent())!.split(' → ');
    const firstTime = page.getByTestId('event-row').first().locator('time');
    await expect(firstTime).toBeVisible();
    const newest = await firstTime.textContent();
    // The list keeps the previous rows on screen while the next page loads (keepPreviousData), and
    // the response can arrive before React renders it (a fresh-clone CI read the newest row here):
    // read the first row once the ascending page has arrived and replaced the newest-first one.
    const ascending = page.waitForResponse(
      (r) => r.url().includes('/api/v1/events?') && r.url().includes('order=asc'),
    );
    await page.getByLabel('Order of events').selectOption('asc');
    await expect(page).toHaveURL(/order=asc/);
    await ascending;
    await expect(firstTime).not.toHaveText(newest!);
    const first = await firstTime.textContent();

    await page.goto(`/accounts/${id}?from=${from}&to=${to}&order=asc`);
    await expect(win).toHaveText(`${from} → ${to}`);
    await expect(page.getByLabel('Order of events')).toHaveValue('asc');
    await expect(page.getByTestId('event-row').first().locator('time')).toHaveText(first!);
    await expect(page.getByTestId('view-hint')).toHaveCount(0);
  });

  test('bad or inverted parameters show a hint instead of silently falling back', async ({
    page,
    request,
  }) => {
    const id = await topAccount(request);
    await page.goto(`/accounts/${id}?from=yesterday&order=sideways`);
    const hint = page.getByTestId('view-hint');
    await expect(hint).toContainText('from=yesterday is not a day');
    await expect(hint).toContainText('order=sideways');
    await page.goto(`/accounts/${id}?from=2099-01-02&to=2000-01-01`);
    await expect(hint).toContainText('turned round');
  });

  test('one movement of the brush makes one events request', async ({ page, request }) => {
    const id = await topAccount(request);
    const win = page.getByTestId('window');
    // The windows whose events have answered (by their first day), so the steps below wait for
    // the request they expect instead of sleeping.
    const answered: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/v1/events?'))
        answered.push(new URL(r.url()).searchParams.get('from') ?? '');
    });
    const answeredFrom = async () => {
      const first = (await win.textContent())!.split(' → ')[0];
      await expect.poll(() => answered.includes(`${first}T00:00:00.000Z`)).toBe(true);
    };
    await page.goto(`/accounts/${id}`);
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await expect(win).toHaveAttribute('data-start', '0');
    await expect(page.getByTestId('event-row').first()).toBeVisible();
    await answeredFrom(); // the "All" request is done before counting starts
    // The brush's travellers are sliders (one point per arrow key): six quick steps move the window
    // six times, as a drag does, and must end in one request for the window where it rests. The
    // steps go in one task: six `keyboard.press` calls took over the 300 ms settle time between
    // them at load 9 on this 2-core machine, so the list rightly asked for windows on the way.
    const handle = page.locator('[data-chart="Daily volume"]').getByRole('slider').first();
    await expect(handle).toBeVisible({ timeout: 30_000 });
    answered.length = 0; // (the first page's window may start on the day the brush ends on)
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/events?')) requests.push(r.url());
    });
    // Each step renders in microtasks (React's sync lane), so a timer cannot fire between steps.
    await page.evaluate(async () => {
      const shown = document.querySelector<HTMLElement>('[data-testid="window"]')!;
      for (let i = 1; i <= 6; i++) {
        const el = document.querySelector('[data-chart="Daily volume"] [role="slider"]')!;
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
        for (let spin = 0; shown.dataset.start !== String(i); spin++) {
          if (spin > 10_000) throw new Error(`step ${i} did not render within one task`);
          await Promise.resolve();
        }
      }
    });
    await expect(win).toHaveAttribute('data-start', '6');
    // Any request per point passed would have gone out before the one for where the brush rests.
    await answeredFrom();
    expect(requests, 'one request after the drag, none per point passed').toHaveLength(1);
  });
});

test.describe('list views in the URL', () => {
  test.use({ role: 'analyst', viewport: { width: 1440, height: 900 } });

  test('clusters: sort and filter go into the URL and a link reproduces the view', async ({
    page,
  }) => {
    await page.goto('/clusters');
    await page
      .getByRole('columnheader', { name: /Members/ })
      .getByRole('link')
      .click();
    await expect(page).toHaveURL(/sort=members&dir=desc/);
    await expect(page.getByRole('columnheader', { name: /Members/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await page.getByLabel('Members ≥').fill('2');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/min_members=2/);
    await expect(page).toHaveURL(/sort=members/); // the sort survives a filter change
    const ids = await page.getByTestId('cluster-row').locator('a').allTextContents();
    await page.goto(page.url());
    expect(await page.getByTestId('cluster-row').locator('a').allTextContents()).toEqual(ids);
  });

  test('clusters: a bad parameter shows a hint', async ({ page }) => {
    await page.goto('/clusters?sort=colour');
    await expect(page.getByTestId('filter-hint')).toContainText('sort=colour is not valid');
  });
});

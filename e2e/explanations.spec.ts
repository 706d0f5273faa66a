import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Issue 15, item 1: the explanation adds up. On the demo data: the contributions listed sum to the Σ
// shown, the formula carries the run's numbers and gives the risk, signals adding nothing are
// collapsed, a below-threshold account says so, cluster signals read as words with a baseline,
// no value is written in exponent notation, and cluster members sort by their own evidence.
const num = (s: string | null) => Number((s ?? '').replace(/[^0-9.\-−]/g, '').replace('−', '-'));

async function listedSum(page: Page) {
  await page.getByTestId('zero-signals').locator('summary').click();
  const parts = await page.getByTestId('contribution-value').allTextContents();
  return { n: parts.length, sum: parts.reduce((a, t) => a + num(t), 0) };
}

async function expectAddsUp(page: Page) {
  const { n, sum } = await listedSum(page);
  expect(n).toBeGreaterThan(0);
  const shown = num(await page.getByTestId('contribution-sum').textContent());
  // each listed part is rounded to 2 decimals: the sum of the parts may differ by n × 0.005
  expect(Math.abs(shown - sum)).toBeLessThanOrEqual(n * 0.005 + 0.005);
  const formula = (await page.getByTestId('formula').textContent()) ?? '';
  expect(formula).toContain('risk = 1 / (1 + e');
  expect(formula).toContain(shown.toFixed(2));
  const values = await page.getByTestId('signal-value').allTextContents();
  expect(values.length).toBe(n);
  for (const v of values) expect(v).not.toMatch(/e-\d/);
}

test.describe('explanations add up', () => {
  test.use({ role: 'analyst' });
  test.beforeEach(() => test.setTimeout(120_000)); // account pages on a shared, loaded machine

  test('flagged account: Σ, formula, collapsed zero signals', async ({ page, request }) => {
    const r = await request.get('/api/v1/accounts?flagged=true&size=25');
    const top = ((await r.json()) as { rows: { account_id: string }[] }).rows[0];
    expect(top, 'demo data must flag an account').toBeTruthy();
    await page.goto(`/accounts/${top.account_id}`);
    const risk = page.getByRole('region', { name: 'Risk' });
    await expect(risk.getByTestId('score-formula')).toBeVisible();
    // signals adding nothing are behind "Show all N signals"
    const zero = page.getByTestId('zero-signals');
    await expect(zero.locator('summary')).toHaveText(/Show all \d+ signals/);
    await expect(zero.getByTestId('contribution').first()).toBeHidden();
    await expectAddsUp(page);
    await expect(page.getByTestId('below-threshold')).toHaveCount(0);
  });

  test('below-threshold account: no signal above the benign range', async ({ page, request }) => {
    const r = await request.get('/api/v1/accounts?sort=risk&dir=asc&size=25');
    const low = ((await r.json()) as { rows: { account_id: string; risk: number }[] }).rows[0];
    expect(low.risk).toBeLessThan(0.05);
    await page.goto(`/accounts/${low.account_id}`);
    await expect(page.getByTestId('below-threshold')).toContainText(
      'No signal above the benign range',
    );
    await expectAddsUp(page);
  });

  test('cluster: human labels, baseline, formula; members by own evidence', async ({
    page,
    request,
  }) => {
    const r = await request.get('/api/v1/clusters?flagged=true');
    const k = ((await r.json()) as { items: { id: string }[] }).items[0];
    expect(k, 'demo data must flag a cluster').toBeTruthy();
    await page.goto(`/clusters/${k.id}`);
    const why = page.getByRole('region', { name: 'Cluster risk' });
    await expect(why.getByTestId('score-formula')).toBeVisible();
    await expectAddsUp(page);
    const text = (await why.textContent()) ?? '';
    expect(text).not.toMatch(/member_evidence|harvest_ratio|\bpartition\b/);
    await expect(why.getByText(/unflagged clusters p50/).first()).toBeVisible();
    const own = (await page.getByTestId('member-own-risk').allTextContents()).map(num);
    expect(own.length).toBeGreaterThan(1);
    expect(own).toEqual([...own].sort((a, b) => b - a));
  });
});

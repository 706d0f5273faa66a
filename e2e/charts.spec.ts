import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Issue 15, item 2: charts that read without help, on the demo data. Screenshots of the account,
// cluster and overview pages go to playwright-report/issue-15/ (after-*.png).
const SHOTS = 'playwright-report/issue-15';

async function shot(page: Page, name: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForTimeout(500); // charts measure their container once the viewport settles
  await page.screenshot({ path: `${SHOTS}/after-${name}.png`, fullPage: true });
}

const TICK = '.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value';

// Recharts draws after its container is measured: wait for the first tick before reading them.
async function yTicks(chart: Locator) {
  await expect(chart.locator(TICK).first()).toBeVisible({ timeout: 30_000 });
  return chart.locator(TICK).allTextContents();
}

async function expectIntegerTicks(chart: Locator) {
  const ticks = await yTicks(chart);
  expect(ticks.length).toBeGreaterThan(1);
  for (const t of ticks) expect(t, `tick "${t}"`).toMatch(/^\d+(\.\d+)?[KMB]?$|^\d+$/);
  for (const t of ticks.filter((x) => /^[\d.]+$/.test(x)))
    expect(Number.isInteger(Number(t))).toBe(true);
}

async function expectTicksInside(chart: Locator) {
  const svg = await chart.locator('svg.recharts-surface').first().boundingBox();
  expect((await yTicks(chart)).length).toBeGreaterThan(1);
  const labels = chart.locator(TICK);
  for (const b of await labels.evaluateAll(
    (els) => els.map((e) => ({ x: (e as SVGGraphicsElement).getBBox().x })), // an SVGRect does not serialise
  ))
    expect(b.x).toBeGreaterThanOrEqual(0);
  expect(svg).not.toBeNull();
}

test.describe('charts read without help', () => {
  test.use({ role: 'analyst' });
  test.beforeEach(() => test.setTimeout(180_000)); // chart pages on a shared, loaded 2-core machine

  test('account: coverage legend, units, integer counts', async ({ page, request }) => {
    const r = await request.get('/api/v1/accounts?flagged=true&size=25');
    const top = ((await r.json()) as { rows: { account_id: string }[] }).rows[0];
    await page.goto(`/accounts/${top.account_id}`);
    await page.getByTestId('window').waitFor();
    await page.getByRole('button', { name: 'All' }).click();
    const cov = page.locator('[data-chart="Cumulative coverage"]');
    const legend = cov.getByTestId('chart-legend');
    await expect(legend).toContainText('benign p5–p95');
    await expect(legend).toContainText('benign p50');
    await expect(legend).toContainText('this account: taxonomy coverage');
    await expectIntegerTicks(page.locator('[data-chart="Daily volume"]'));
    const tokens = page.locator('[data-chart="Output to input tokens"]');
    await expect(tokens.locator('.recharts-label')).toContainText('output ÷ input tokens');
    await expectTicksInside(tokens);
    await shot(page, 'account-flagged');
  });

  test('cluster: titled, legended timeline; partitioned coverage over the whole range', async ({
    page,
    request,
  }) => {
    const r = await request.get('/api/v1/clusters?flagged=true');
    const k = ((await r.json()) as { items: { id: string }[] }).items[0];
    await page.goto(`/clusters/${k.id}`);
    const tl = page.getByTestId('combined-timeline');
    await expect(tl.getByText('Reasoning prompts and template reuse')).toBeVisible();
    await expect(
      tl.locator('[data-chart="Combined reasoning share"]').getByTestId('chart-legend'),
    ).toContainText('reasoning prompts');
    await expectIntegerTicks(tl.locator('[data-chart="Combined daily volume"]'));
    const part = page.getByTestId('partitioned-coverage');
    await expect(part.getByTestId('chart-legend')).toBeVisible();
    // whole range: the coverage chart spans the same days as the combined timeline
    const vol = tl.locator('[data-chart="Combined daily volume"]');
    const cov = part.locator('[data-chart="Partitioned coverage"]');
    expect(await cov.getAttribute('data-first')).toBe(await vol.getAttribute('data-first'));
    expect(await cov.getAttribute('data-last')).toBe(await vol.getAttribute('data-last'));
    await shot(page, 'cluster');
  });

  test('overview: flags by detection run, integer ticks', async ({ page }) => {
    await page.goto('/');
    const chart = page.locator('[data-chart="New flags by detection run"]');
    await expect(chart.getByTestId('chart-legend')).toContainText('accounts');
    await expectIntegerTicks(chart);
    await shot(page, 'overview');
  });
});

import pg from 'pg';
import { test, expect } from './fixtures';
import { expectAxeClean } from './helpers/screen';

// Issue 15, item 3: the cluster page's indicator matrix shows every shared indicator (up to 30),
// each column reachable inside the panel at 1440×900 and each label readable: no header cell
// overflows its box unless it is deliberately shortened and its title gives the whole value.

/** The cluster with the most shared indicators, and how many the matrix must show (≤ 30). */
async function widestCluster(): Promise<{ id: string; shared: number }> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const r = await db.query<{ id: string; shared: number }>(
      `SELECT m.cluster_id AS id, count(DISTINCT (i.kind, i.value))::int AS shared
       FROM cluster_members m JOIN account_indicator i ON i.account_id = m.account_id AND i.kind <> 'model'
       WHERE EXISTS (SELECT 1 FROM cluster_members m2 JOIN account_indicator j ON j.account_id = m2.account_id
                     WHERE m2.cluster_id = m.cluster_id AND m2.account_id <> m.account_id
                       AND j.kind = i.kind AND j.value = i.value)
       GROUP BY m.cluster_id ORDER BY shared DESC, m.cluster_id LIMIT 1`,
    );
    expect(r.rows, 'the demo data has a cluster with shared indicators').toHaveLength(1);
    return { id: r.rows[0].id, shared: Math.min(30, r.rows[0].shared) };
  } finally {
    await db.end();
  }
}

test.describe('indicator matrix', () => {
  test.use({ role: 'analyst', viewport: { width: 1440, height: 900 } });
  test.beforeEach(() => test.setTimeout(120_000));

  test('every column is reachable and every label readable at 1440×900', async ({ page }) => {
    const { id, shared } = await widestCluster();
    expect(shared, 'a wide matrix to check').toBeGreaterThan(10);
    await page.goto(`/clusters/${id}`);
    const region = page.getByRole('region', { name: 'Shared indicators (scrolls)' });
    await expect(region).toBeVisible({ timeout: 30_000 });
    const cols = region.getByTestId('indicator-col');
    await expect(cols).toHaveCount(shared);
    for (let k = 0; k < shared; k++) {
      await cols.nth(k).scrollIntoViewIfNeeded();
      await expect(cols.nth(k), `column ${k + 1} of ${shared}`).toBeInViewport();
      const cell = await cols.nth(k).evaluate((el) => {
        const box = el.getBoundingClientRect();
        const scroller = el.closest('[role="region"]')!.getBoundingClientRect();
        const label = el.firstElementChild!.getBoundingClientRect();
        return {
          fits: el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1,
          inside: label.left >= box.left - 1 && label.right <= box.right + 1,
          inPanel: box.left >= scroller.left - 1 && box.right <= scroller.right + 1,
          truncated: el.getAttribute('data-truncated') === 'true',
          title: el.getAttribute('title') ?? '',
          text: el.textContent ?? '',
        };
      });
      expect(cell.inPanel, `column ${k + 1} can be scrolled into the panel`).toBe(true);
      expect(cell.fits && cell.inside, `label “${cell.text}” fits its column`).toBe(true);
      // Every label's title holds the whole value; a shortened one ends in “…”.
      const shown = cell.text.replace(/…$/, '');
      expect(cell.title).toContain(shown);
      expect(cell.truncated).toBe(cell.text.endsWith('…'));
    }
    // The member column stays in place while the columns scroll.
    await cols.nth(shared - 1).scrollIntoViewIfNeeded();
    const member = region.locator('tbody th').first();
    await expect(member).toBeInViewport();
    await expectAxeClean(page);
  });
});

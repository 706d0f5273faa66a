import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// Screen checks every spec can reuse: an axe-core scan (WCAG 2.x A/AA) and "nothing clipped at
// 1440×900" (no horizontal page scroll, no text cut off inside a cell, button, link or label).

export async function expectAxeClean(page: Page) {
  const r = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** `within`: only check inside these elements (a page shared with panels others own). */
export async function expectNothingClipped(page: Page, within?: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  const problems = await page.evaluate((root) => {
    const out: string[] = [];
    if (!root && document.documentElement.scrollWidth > window.innerWidth + 1)
      out.push(`page scrolls sideways (${document.documentElement.scrollWidth}px)`);
    const scopes = root ? [...document.querySelectorAll<HTMLElement>(root)] : [document.body];
    if (root && scopes.length === 0) out.push(`nothing matches ${root}`);
    for (const scope of scopes) {
      const r = scope.getBoundingClientRect();
      if (root && (r.right > window.innerWidth + 1 || scope.scrollWidth > scope.clientWidth + 1))
        out.push(`${root} overflows sideways`);
    }
    const els = scopes.flatMap((x) => [
      ...x.querySelectorAll<HTMLElement>('td, th, button, a, label, h1, h2, h3, p'),
    ]);
    for (const el of els) {
      const s = getComputedStyle(el);
      const clips = s.overflow !== 'visible' || s.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
        out.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').slice(0, 40)}”`);
    }
    return out;
  }, within);
  expect(problems).toEqual([]);
}

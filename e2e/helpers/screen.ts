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

export async function expectNothingClipped(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      out.push(`page scrolls sideways (${document.documentElement.scrollWidth}px)`);
    for (const el of document.querySelectorAll<HTMLElement>(
      'td, th, button, a, label, h1, h2, h3, p',
    )) {
      const s = getComputedStyle(el);
      const clips = s.overflow !== 'visible' || s.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
        out.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').slice(0, 40)}”`);
    }
    return out;
  });
  expect(problems).toEqual([]);
}

import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

// Inert means: no element the browser would run or that carries an event handler, and no link
// whose target is a script. Escaped text that *mentions* them is fine: it shows as text.
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/<(img|iframe|object|embed|svg|style|link|meta|form)\b/i);
  expect(html).not.toMatch(/href\s*=\s*["']?\s*(javascript|vbscript|data):/i);
}

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('**bold** _it_ `code`\n\n- a\n- b\n\n[docs](https://example.com)');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>a</li>');
    expect(html).toContain(
      '<a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">docs</a>',
    );
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['an onerror attribute', '<img src=x onerror="alert(1)">'],
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['an obfuscated javascript: link', '[click](JaVaScRiPt&colon;alert(1))'],
    ['a javascript: autolink', '<javascript:alert(1)>'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['an svg with onload', '<svg onload=alert(1)></svg>'],
    [
      'an image with a handler in its title',
      '![a](https://x.test/a.png "x\\" onerror=\\"alert(1)")',
    ],
    ['an iframe', '<iframe src="https://evil.test"></iframe>'],
  ])('renders %s inert', (_name, src) => {
    expectInert(renderMarkdown(src));
  });

  it('keeps the text of raw HTML visible, escaped', () => {
    expect(renderMarkdown('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>\n');
  });
});

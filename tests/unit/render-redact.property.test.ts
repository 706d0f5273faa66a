import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/cases/markdown';
import { findRedactions, redactText as redactEvidence } from '@/lib/evidence/redact/redact';
import { redactExcerpt, redactText } from '@/lib/queries/redact';
import { hostileString, RUNS } from '@/tests/property';

// Markdown rendering/sanitising and the two redactors against hostile text (issue 12): nothing
// throws, no script survives the renderer, and what a redactor masks stays masked.
const attack = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD4=)',
  '[x](vbscript:msgbox(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '![x](https://evil.example/p.png)',
  '[x](//evil.example)',
  '<style>*{}</style>',
  '```\n<script>\n```',
  '&lt;script&gt;',
  '[x](java\u0000script:alert(1))',
  '[x](java&#x09;script:alert(1))',
);
const markdown = fc
  .array(
    fc.oneof(attack, hostileString(300), fc.constantFrom('\n', '# ', '* ', '> ', '|a|b|\n|-|-|\n')),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));
const secret = fc.constantFrom(
  'sk-proj-abcdefghijklmnop1234',
  'AKIAIOSFODNN7EXAMPLE',
  'ghp_abcdefghijklmnopqrstuvwxyz0123',
  'bob.smith+x@example.co.uk',
  '+1 415 555 0199',
);

describe('render and redact, on hostile text', () => {
  it('renders any Markdown without script, handlers, or unsafe link targets', () => {
    fc.assert(
      fc.property(markdown, (src) => {
        const html = renderMarkdown(src);
        expect(html).not.toMatch(/<(script|iframe|img|svg|style|object|embed)\b/i);
        expect(html).not.toMatch(/<[^>]+\son\w+\s*=/i);
        // a link with a scheme (as a browser reads it: control characters and spaces dropped)
        // is http(s) or mailto; relative links stay relative
        for (const [, href] of html.matchAll(/<a\s[^>]*href="([^"]*)"/g)) {
          const url = href.replace(/&#x?[0-9a-f]+;|[\u0000-\u0020]/gi, '');
          if (/^[a-z][a-z0-9+.-]*:/i.test(url)) expect(url).toMatch(/^(https?|mailto):/i);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('redacts any text without throwing, and never leaves a found secret in the output', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hostileString(300), secret), { maxLength: 10 }), (parts) => {
        const text = parts.join(' ');
        const q = redactText(text);
        expect(q.masked).toBeGreaterThanOrEqual(0);
        const e = redactEvidence(text);
        for (const r of findRedactions(text))
          expect(e.text).not.toContain(text.slice(r.offset, r.offset + r.length));
        // masking is stable: what is left has nothing more to mask
        expect(redactText(q.text).text).toBe(q.text);
        for (const s of parts.filter((p) => p.startsWith('sk-proj') || p.startsWith('AKIA')))
          expect(q.text).not.toContain(s);
        const ex = redactExcerpt(text, 200, 120);
        expect(ex.text.length).toBeLessThanOrEqual(121);
      }),
      { numRuns: RUNS },
    );
  });
});

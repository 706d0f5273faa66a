// What counts as third-party personal data or a secret inside prompts and responses.
// The text is attacker-controlled, so every pattern is linear-time on V8's backtracking engine:
// no nested or adjacent unbounded quantifiers over overlapping classes — each repetition is either
// bounded ({m,n}) or over a class that cannot also match what follows it. A property test runs
// long hostile strings through all of them (redact.test.ts).

export type RedactionKind = 'api_key' | 'email' | 'card' | 'phone';

export interface Pattern {
  kind: RedactionKind;
  /** A global regex, or a hand-written scanner returning [start, end) spans. */
  re?: RegExp;
  scan?: (text: string) => [number, number][];
  /** Cheap test that the text may hold a match at all (skips the full pattern when false). */
  maybe?: (text: string) => boolean;
  /** Extra check on a match (e.g. Luhn for card numbers); false drops it. */
  accept?: (match: string) => boolean;
}

const KEY_BODY = '[A-Za-z0-9_-]';
export const KEY_PREFIX = /sk-|[sr]k_(?:live|test)_|AKIA|ASIA|AIza|gh[pousr]_|xox[abprs]-|eyJ/;

export const PATTERNS: readonly Pattern[] = [
  // Well-known key shapes first: they win over anything else that overlaps them.
  {
    kind: 'api_key',
    re: new RegExp(
      [
        `\\bsk-(?:proj-|ant-|live-|test-)?${KEY_BODY}{16,200}`, // OpenAI / Anthropic style
        `\\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,200}`, // Stripe
        '\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b', // AWS access key id
        '\\bAIza[0-9A-Za-z_-]{35}', // Google API key
        '\\bgh[pousr]_[A-Za-z0-9]{36,255}', // GitHub tokens
        '\\bxox[abprs]-[A-Za-z0-9-]{10,200}', // Slack
        '\\beyJ[A-Za-z0-9_-]{8,2000}\\.eyJ[A-Za-z0-9_-]{8,4000}\\.[A-Za-z0-9_-]{8,2000}', // JWT
      ].join('|'),
      'g',
    ),
    maybe: (t) => KEY_PREFIX.test(t),
  },
  {
    kind: 'email',
    // A scanner, not a regex: a regex's bounded local part still costs 64 steps per position.
    scan: scanEmails,
  },
  {
    kind: 'card',
    // 13–19 digits, optionally grouped by single spaces or dashes; Luhn decides.
    // The lookbehind sits after the first digit so non-digit positions fail at once.
    re: /\d(?<![\d-]\d)(?:[ -]?\d){12,18}(?!\d)/g,
    accept: (m) => luhn(m.replace(/[ -]/g, '')),
  },
  {
    kind: 'phone',
    // E.164 (+ and 7–15 digits, optionally grouped) or a grouped national number (NNN NNN NNNN).
    re: /(?<![\w+])(?:\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,5}|\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4})(?!\d)/g,
    maybe: (t) => t.includes('+') || /\d{3}[ .-]\d{4}/.test(t),
    accept: (m) => {
      const digits = m.replace(/\D/g, '').length;
      return digits >= 7 && digits <= 15;
    },
  },
  {
    kind: 'phone',
    // Ungrouped North American numbers: a bare NXX NXX XXXX run (area code and exchange start
    // 2–9), optionally after the country code 1, or "(NXX)NXX-XXXX". Nothing word-like, no
    // '-', '.', '/' or '\' may touch it and no ',' or '.' + digit may follow: dates
    // (20261130), epoch seconds (1…), ids (ev…, INV-…, 12+ digits), decimals, versions and path
    // segments stay. Other countries' numbers need their + (the pattern above). Tests:
    // phone.test.ts.
    re: /(?<![\w+./\\-])(?:1?[2-9]\d{2}[2-9]\d{6}|\(\d{3}\) ?\d{3}[ .-]?\d{4})(?![\w/\\-]|[.,]\d)/g,
    maybe: (t) => /\d{10}|\(\d{3}\)/.test(t),
  },
];

export function luhn(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9.-]/;

/**
 * Emails around each '@': expand left over local-part characters (≤ 64) and right over domain
 * characters (≤ 253); neither class holds '@', so every character is visited at most twice.
 */
function scanEmails(text: string): [number, number][] {
  const out: [number, number][] = [];
  let at = text.indexOf('@');
  while (at !== -1) {
    let s = at;
    while (s > 0 && at - s < 64 && LOCAL.test(text[s - 1])) s--;
    while (s < at && text[s] === '.') s++;
    let e = at + 1;
    while (e < text.length && e - at <= 253 && DOMAIN.test(text[e])) e++;
    // Trailing dots/hyphens end a sentence, not the domain.
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    const domain = text.slice(at + 1, e);
    if (s < at && /^[A-Za-z0-9](?:[A-Za-z0-9-]*\.)+[A-Za-z]{2,63}$/.test(domain)) out.push([s, e]);
    at = text.indexOf('@', at + 1);
  }
  return out;
}

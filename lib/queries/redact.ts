// Third-party personal data inside prompts is masked before text leaves the server. Full text is
// only returned by the audited reveal route ('event.reveal'); the UI never holds unmasked text
// unless that route was called.

export interface RedactionResult {
  text: string;
  masked: number;
}

// Order matters: keys first (they can contain digit runs a phone pattern would eat), then emails,
// then phone numbers.
const PATTERNS: ReadonlyArray<{ re: RegExp; label: string }> = [
  // Provider-style secret keys: sk-..., sk_live_..., AKIA..., ghp_..., xox?-..., long bearer tokens.
  { re: /\b(?:sk|pk|rk)[-_](?:live_|test_|ant-|proj-)?[A-Za-z0-9_-]{12,}\b/g, label: '[key]' },
  { re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, label: '[key]' },
  { re: /\b(?:ghp|gho|ghu|ghs|github_pat)_[A-Za-z0-9_]{20,}\b/g, label: '[key]' },
  { re: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g, label: '[key]' },
  { re: /\bBearer\s+[A-Za-z0-9._~+/=-]{16,}/g, label: 'Bearer [key]' },
  // An email starts only where a run of local-part characters starts (the lookbehind): without it,
  // a long text without '@' was scanned from every one of its characters to the end of the run,
  // quadratic in customer-written text (1 MB of letters took minutes).
  {
    re: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
    label: '[email]',
  },
  // +CC and local formats with separators; at least 9 digits so years and small numbers survive.
  {
    re: /(?<![\w])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){2,4}(?![\w])/g,
    label: '[phone]',
  },
];

function digitCount(s: string): number {
  let n = 0;
  for (const ch of s) if (ch >= '0' && ch <= '9') n++;
  return n;
}

/** Masks emails, phone numbers and API keys; counts what it masked. */
export function redactText(input: string): RedactionResult {
  let masked = 0;
  let text = input;
  for (const { re, label } of PATTERNS) {
    text = text.replace(re, (m) => {
      if (label === '[phone]' && digitCount(m) < 9) return m;
      masked++;
      return label;
    });
  }
  return { text, masked };
}

/**
 * Redacts an excerpt that the database cut at `fetched` characters (`left(text, fetched)`), then
 * clips it to `clip`. A key or an email crossing the cut no longer matches its pattern and would
 * show in part, so when the text may have been cut its last token (from the last white space on)
 * is dropped before redaction; redaction always comes before clipping.
 */
export function redactExcerpt(text: string, fetched: number, clip: number): RedactionResult {
  let t = text;
  if (t.length >= fetched) {
    let i = t.length - 1;
    while (i >= 0 && !/\s/.test(t[i])) i--;
    t = t.slice(0, Math.max(0, i));
  }
  const r = redactText(t);
  const cut = r.text.length > clip || t.length < text.length;
  return { text: cut ? `${r.text.slice(0, clip)}…` : r.text, masked: r.masked };
}

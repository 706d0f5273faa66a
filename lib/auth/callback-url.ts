// Where to go after sign-in. The sign-in redirect carries the page the user asked for
// (`/login?callbackUrl=/accounts/acct_1?window=…`), so a shared deep link survives sign-in. Only a
// path on this host is accepted: anything else (`https://evil.example`, `//evil.example`,
// `/\evil.example`, which browsers read as another host) would make the sign-in page an open
// redirect, and falls back to the overview. A link back to the sign-in page itself falls back too.
export function safeCallbackUrl(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 2000) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f]/.test(raw)) return '/';
  if (raw === '/login' || raw.startsWith('/login?') || raw.startsWith('/api/')) return '/';
  return raw;
}

/** The sign-in URL for a requested page; the overview needs no callback. */
export function loginUrlFor(pathAndQuery: string): string {
  const target = safeCallbackUrl(pathAndQuery);
  return target === '/' ? '/login' : `/login?callbackUrl=${encodeURIComponent(target)}`;
}

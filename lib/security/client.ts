import { isIP } from 'node:net';
import { env } from '@/lib/env';

// Who is on the other end of a request (issue #12, defect 6). A client may send any
// X-Forwarded-For it likes, and `next start` keeps it: Next sets x-forwarded-for to the socket
// address only when the request has none, so the header alone never proves anything. The server
// therefore stamps the socket's address into PEER_HEADER on every request, overwriting whatever
// the client sent (lib/security/peer-stamp.ts, installed by instrumentation.ts). From there:
// - TRUST_PROXY_HOPS=0 (default): the client is the socket peer; X-Forwarded-For is ignored.
// - TRUST_PROXY_HOPS=n: n reverse proxies we run sit in front, each appending the address it saw.
//   The client is the n-th address from the right of [...X-Forwarded-For, peer]; entries further
//   left were written by the client and are ignored.
// X-Forwarded-Proto is believed only with TRUST_PROXY_HOPS > 0 (it tells whether the request came
// over TLS, for HSTS).

export const PEER_HEADER = 'x-distill-peer-address';

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(h: HeaderBag, name: string): string | undefined {
  if (!h) return undefined;
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** An address as stored and compared: IPv4-mapped IPv6 as plain IPv4, no zone; else null. */
function normalise(raw: string | undefined): string | null {
  const a = raw
    ?.trim()
    .replace(/%.*$/, '')
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return a && isIP(a) ? a : null;
}

export function clientIp(h: HeaderBag, hops = env().TRUST_PROXY_HOPS): string | null {
  const peer = normalise(header(h, PEER_HEADER));
  if (!peer) return null; // not stamped (a test harness, not the server): unknown, never a guess
  if (hops === 0) return peer;
  const forwarded = (header(h, 'x-forwarded-for') ?? '').split(',').map((s) => s.trim());
  const chain = [...forwarded.filter(Boolean), peer];
  return normalise(chain[Math.max(0, chain.length - 1 - hops)]);
}

/** Whether the browser reached us over TLS (for HSTS and upgrade-insecure-requests). */
export function servedOverTls(h: HeaderBag, protocol: string): boolean {
  if (protocol === 'https:') return true;
  const e = env();
  if (e.NEXTAUTH_URL?.startsWith('https://')) return true;
  const proto = header(h, 'x-forwarded-proto')?.split(',')[0]?.trim();
  return e.TRUST_PROXY_HOPS > 0 && proto === 'https';
}

import { describe, expect, it } from 'vitest';
import { clientIp, PEER_HEADER } from './client';

// Issue #12 defect 6: sign-in throttling took the first X-Forwarded-For entry, which the client
// writes: any address could be claimed (bypass of the per-IP limit, lock-out of someone else's
// address, forged audit rows). The address now comes from the socket, through trusted hops only.
const h = (peer: string | undefined, xff?: string) => ({
  ...(peer === undefined ? {} : { [PEER_HEADER]: peer }),
  ...(xff === undefined ? {} : { 'x-forwarded-for': xff }),
});

describe('clientIp', () => {
  it('without trusted proxies, the socket peer is the client whatever X-Forwarded-For says', () => {
    expect(clientIp(h('203.0.113.9', '10.0.0.1'), 0)).toBe('203.0.113.9');
    expect(clientIp(h('::ffff:127.0.0.1', '1.2.3.4, 5.6.7.8'), 0)).toBe('127.0.0.1');
  });
  it('with n trusted hops, takes the n-th address from the right; client-written entries are ignored', () => {
    // The client claims 1.1.1.1; our proxy (peer 10.0.0.5) appended the address it saw.
    expect(clientIp(h('10.0.0.5', '1.1.1.1, 198.51.100.7'), 1)).toBe('198.51.100.7');
    // Two proxies: CDN then load balancer.
    expect(clientIp(h('10.0.0.5', '1.1.1.1, 198.51.100.7, 172.16.0.2'), 2)).toBe('198.51.100.7');
    // Fewer entries than hops: the leftmost one we have.
    expect(clientIp(h('10.0.0.5'), 3)).toBe('10.0.0.5');
  });
  it('refuses what is not an address, and knows nothing without the stamp', () => {
    expect(clientIp(h('10.0.0.5', 'evil, <script>'), 1)).toBeNull();
    expect(clientIp(h(undefined, '1.2.3.4'), 0)).toBeNull();
    expect(clientIp(h('fe80::1%eth0'), 0)).toBe('fe80::1'); // a zone id names our interface
  });
  it('reads fetch Headers as well as plain objects', () => {
    const headers = new Headers({ [PEER_HEADER]: '192.0.2.1', 'x-forwarded-for': '9.9.9.9' });
    expect(clientIp(headers, 0)).toBe('192.0.2.1');
  });
});

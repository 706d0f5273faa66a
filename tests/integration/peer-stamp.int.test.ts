import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { clientIp, PEER_HEADER } from '@/lib/security/client';
import { installPeerStamp } from '@/lib/security/peer-stamp';

// The server stamps the socket address over whatever the client sent (a real HTTP server and
// real requests on loopback; instrumentation.ts installs the same stamp in `next start`).
installPeerStamp();
const seen: http.IncomingHttpHeaders[] = [];
const server = http.createServer((req, res) => {
  seen.push(req.headers);
  res.end('ok');
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('peer stamp', () => {
  it('a forged peer header and X-Forwarded-For do not change the client address', async () => {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { [PEER_HEADER]: '6.6.6.6', 'x-forwarded-for': '7.7.7.7' },
    });
    expect(await res.text()).toBe('ok');
    const h = seen.at(-1)!;
    expect(h[PEER_HEADER]).toBe('127.0.0.1');
    expect(clientIp(h, 0)).toBe('127.0.0.1');
    // Trusting one hop that is not there is a misconfiguration: the client's claim wins then.
    expect(clientIp(h, 1)).toBe('7.7.7.7');
  });
});

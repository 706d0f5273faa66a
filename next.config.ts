import type { NextConfig } from 'next';
import { API_CSP, AUTH_PAGES_CSP } from './lib/security/headers';

// Headers every response carries. X-Frame-Options backs up `frame-ancestors 'none'` for old
// browsers (no click-jacking of the review screens). Pages get their Content-Security-Policy,
// with a per-request nonce, and HSTS over TLS from proxy.ts; API answers get theirs here.
const SECURITY_HEADERS = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
];
const csp = (value: string) => [{ key: 'Content-Security-Policy', value }];

const nextConfig: NextConfig = {
  async headers() {
    // For one key, the last matching entry wins: /api/auth (next-auth's own HTML) after /api.
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/api/:path*', headers: csp(API_CSP) },
      { source: '/api/auth/:path*', headers: csp(AUTH_PAGES_CSP) },
    ];
  },
  // Native / WASM packages stay outside the server bundle.
  serverExternalPackages: [
    '@node-rs/argon2',
    'pg',
    'pg-copy-streams',
    '@prisma/adapter-pg',
    'pdfkit',
    'yazl', // its buffer-crc32 gets zlib's native CRC-32 (lib/evidence/bag/native-crc.ts)
  ],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` is the type gate; build stays fast
};

export default nextConfig;

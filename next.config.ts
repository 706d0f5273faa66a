import type { NextConfig } from 'next';

// Headers every response carries. `frame-ancestors 'none'` (and X-Frame-Options for old
// browsers) stops click-jacking of the review screens. A script-src policy with per-request nonces
// is not here yet (issue #12 keeps it open); HSTS belongs to the TLS-terminating proxy.
const SECURITY_HEADERS = [
  {
    key: 'Content-Security-Policy',
    value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
];

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
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

import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native / WASM packages stay outside the server bundle.
  serverExternalPackages: [
    '@node-rs/argon2',
    'pg',
    'pg-copy-streams',
    '@prisma/adapter-pg',
    'pdfkit',
  ],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` is the type gate; build stays fast
};

export default nextConfig;

import { defineConfig } from 'vitest/config';

// `server-only` throws outside a React Server environment; tests run modules that carry it
// (db client, read models) in plain Node, so they get the package's own empty module.
const alias = {
  '@': import.meta.dirname,
  'server-only': `${import.meta.dirname}/node_modules/server-only/empty.js`,
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'components/**/*.test.ts',
          ],
          environment: 'node',
          // Timeouts catch hangs, not slowness (speed lives in `npm run bench:*`). Vitest's 5 s /
          // 10 s defaults failed the golden scan, the PDF render and the scenario fixture on this
          // 2-core machine at load 30 while they pass in 1-3 s on a quiet one.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup-env.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import type { KnipConfig } from 'knip';

// `npm run knip` (run by `npm test` after lint): unused files, exports, dependencies and binaries.
// Knip's Next.js plugin adds the App Router entry points (app/**/page|layout|route|error|…, proxy.ts,
// next.config.ts); its Vitest and Playwright plugins add the test files. Listed here: what they
// cannot know. When knip flags something, delete it; an entry below needs a reason beside it.
const config: KnipConfig = {
  entry: [
    // CLI entry points (`npm run …`) and benchmarks, run by tsx
    'scripts/*.{ts,mjs}',
    'bench/**/*.ts',
    // Playwright: the setup project is matched by a regex knip does not read
    'e2e/*.setup.ts',
  ],
  // CSS included so knip sees app/globals.css import tailwindcss
  project: ['**/*.{ts,tsx,mts,mjs,css}'],
  // Exports a module uses itself are part of its shape (types of its functions, constants it reads).
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // used through lib/generated/prisma (generated, git-ignored, so knip does not read it)
    '@prisma/client',
    // pglite-server (node_modules/.bin) is pglite-socket's binary and loads pglite: spawned, not imported
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    // font files read from node_modules by path (lib/evidence/report/fonts.ts)
    'dejavu-fonts-ttf',
  ],
  ignoreIssues: {
    // The closed catalogue of domain errors: every kind exists before its first thrower.
    'lib/errors.ts': ['exports'],
    // The public ingest API (docs/ingest.md) names its types for callers outside this repo too.
    'lib/ingest/index.ts': ['types'],
    // Schemas export their inferred type beside each schema (ZCaseUpdate / TCaseUpdate).
    'lib/schemas/**': ['types'],
  },
  ignoreBinaries: [
    // Debian tools the tests call to check the outputs (see /work/shared/stack-notes.md)
    'qpdf',
    'pdftotext',
    'pdfinfo',
    'pdffonts',
    'minisign',
    'openssl',
  ],
};

export default config;

// Prisma 7's CLI tries to download its schema engine before every command, which fails on
// machines without internet. `generate` never runs the engine, so we point both engine variables
// at an existing file (this script) to skip the download. See docs/operations.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

if (!existsSync('prisma/schema.prisma')) process.exit(0);
const self = fileURLToPath(import.meta.url);
const r = spawnSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: self,
    PRISMA_QUERY_ENGINE_LIBRARY: self,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(r.status ?? 1);

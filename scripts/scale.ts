import { parseArgs } from 'node:util';
import { env } from '@/lib/env';
import { runScale } from '../bench/scale/run';

// npm run scale -- --events N --accounts A [--seed S] [--runs R] [--keep]
// Streams the scenario generator (mix "scale": the reported hydra inside benign traffic) straight
// into the ingest of a fresh database, then detection (own process), then page-data timings, and
// prints a row for docs/scaling.md. Refuses up front when the disk is short. Drops the database
// at the end unless --keep.
const { values } = parseArgs({
  options: {
    events: { type: 'string' },
    accounts: { type: 'string' },
    seed: { type: 'string', default: '14' },
    runs: { type: 'string', default: '30' },
    keep: { type: 'boolean', default: false },
  },
});
const int = (name: string, v: string | undefined, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    console.error(`scale: --${name} must be an integer >= ${min} (got ${v ?? 'nothing'})`);
    process.exit(2);
  }
  return n;
};
const args = {
  events: int('events', values.events, 10_000),
  accounts: int('accounts', values.accounts, 150),
  seed: int('seed', values.seed, 0),
  runs: int('runs', values.runs, 1),
  keep: values.keep ?? false,
};
try {
  await runScale(args, env().BENCH_ADMIN_URL);
} catch (e) {
  console.error(`scale: ${(e as Error).message}`);
  process.exit(1);
}

import { parseArgs } from 'node:util';
import { env } from '@/lib/env';
import { runBatches } from '../bench/scale/batch-run';

// npm run scale:batch -- --database NAME [--events N] [--accounts A] [--seed S] [--code DIR ...]
// On a database `npm run scale -- --keep` left: a batch of N more events onto A of its accounts,
// then `detect --since-last` timed in its own process; once per --code checkout (default this
// one), in the order given, so the code before and after a change alternate at the same load.
const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    events: { type: 'string', default: '100000' },
    accounts: { type: 'string', default: '150' },
    seed: { type: 'string', default: '100' },
    code: { type: 'string', multiple: true },
  },
});
const int = (name: string, v: string | undefined, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    console.error(`scale:batch: --${name} must be an integer >= ${min} (got ${v ?? 'nothing'})`);
    process.exit(2);
  }
  return n;
};
if (!values.database) {
  console.error('scale:batch: --database is required (a database kept by npm run scale -- --keep)');
  process.exit(2);
}
try {
  await runBatches(
    {
      database: values.database,
      events: int('events', values.events, 1),
      accounts: int('accounts', values.accounts, 1),
      seed: int('seed', values.seed, 0),
      code: values.code?.length ? values.code : [process.cwd()],
    },
    env().BENCH_ADMIN_URL,
  );
} catch (e) {
  console.error(`scale:batch: ${(e as Error).message}`);
  process.exit(1);
}

// npm run bench:queues — claim-next under concurrent analysts on a scratch database seeded with
// `--items` open queue items (default 100k), dropped at the end. Each claim goes through the app's
// own path (lib/queues/claimNext in ctx.change's transaction with its audit row, then the seal
// pass, as the route runs it). Printed beside baselines from the same run: the same pick as a plain
// SELECT … LIMIT 1 (no lock, no update, no audit) at the same concurrency, claim-next with one
// analyst, and "before": the same claims with the old writer that held the chain lock until commit.
// Flags: --items=N --analysts=N --claims=N (per analyst) --queues=N --db=NAME. See docs/performance.md.
import os from 'node:os';
import { env, pointAtDatabase } from '@/lib/env';
import { createMigratedDatabase, dropDatabase } from '@/lib/db/databases';
import { legacyWriteAudit } from '../bench/legacy-audit';
import { seedQueueBench } from '../bench/queues-seed';

const arg = (name: string, dflt: number | string) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : String(dflt);
};
const ITEMS = Number(arg('items', 100_000));
const ANALYSTS = Number(arg('analysts', 20));
const CLAIMS = Number(arg('claims', 50));
const QUEUES = Number(arg('queues', 10));
const DB = arg('db', `dw_bench_queues_${process.pid}`);
const ADMIN = env().BENCH_ADMIN_URL;

interface Figures {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

/** Runs `workers` loops of `each` calls side by side; latency per call, throughput overall. */
async function measure(workers: number, each: number, call: (w: number) => Promise<unknown>) {
  const ms: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let k = 0; k < each; k++) {
        const t = performance.now();
        await call(w);
        ms.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - t0;
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
  return {
    n: ms.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    perSecond: ms.length / (wall / 1000),
  };
}

const row = (label: string, f: Figures) =>
  `${label.padEnd(46)} ${String(f.n).padStart(6)} ${f.p50.toFixed(1).padStart(8)} ${f.p95.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(8)} ${f.perSecond.toFixed(0).padStart(9)}`;

async function main() {
  const url = await createMigratedDatabase(ADMIN, DB);
  // One pooled connection per analyst (+ spare), like a server under that many requests. Written
  // before the first env() read of this database so the app's pool is sized for the run.
  process.env.DB_POOL_SIZE = String(ANALYSTS + 4);
  pointAtDatabase(url);
  const { pgPool, prisma, closeDb } = await import('../lib/db/client');
  const { prismaRunner } = await import('../lib/audit/runners');
  const { auditedTransaction } = await import('../lib/audit/transaction');
  const { requestSeal } = await import('../lib/audit/sealer');
  const { verifyAuditChain } = await import('../lib/audit/verify');
  const { claimNext } = await import('../lib/queues/claim');
  try {
    const t0 = Date.now();
    const { analystIds, queueIds } = await seedQueueBench(pgPool(), {
      items: ITEMS,
      queues: QUEUES,
      analysts: ANALYSTS,
    });
    console.log(
      `seeded ${ITEMS.toLocaleString('en')} open items in ${QUEUES} queues, ${ANALYSTS} analysts, in ${((Date.now() - t0) / 1000).toFixed(1)} s (database ${DB})`,
    );
    const load0 = os.loadavg();
    // As POST /api/v1/queues/claim runs it: ctx.change's transaction, then a seal pass.
    const claim = (w: number) => {
      const user = { id: analystIds[w % analystIds.length]! };
      return auditedTransaction({ id: user.id, email: null }, null, (tx, audit) =>
        claimNext(prismaRunner(tx), audit, user),
      );
    };
    // Before: the same claim with the writer that held the chain lock until commit.
    const claimLocked = (w: number) => {
      const user = { id: analystIds[w % analystIds.length]! };
      return prisma.$transaction(async (tx) => {
        const db = prismaRunner(tx);
        return claimNext(
          db,
          (e) => legacyWriteAudit(db, { ...e, actor: { id: user.id, email: null } }),
          user,
        );
      });
    };
    const plain = () =>
      pgPool().query(
        `SELECT id FROM queue_items WHERE status = 'open' AND assignee_id IS NULL AND queue_id = ANY($1::text[])
           AND (snoozed_until IS NULL OR snoozed_until <= now()) ORDER BY queue_priority, created_at, id LIMIT 1`,
        [queueIds],
      );
    await measure(ANALYSTS, 5, plain); // warm the pool and caches; not counted
    const base = await measure(ANALYSTS, CLAIMS, plain);
    const single = await measure(1, CLAIMS, claim);
    const locked = await measure(ANALYSTS, CLAIMS, claimLocked);
    const conc = await measure(ANALYSTS, CLAIMS, claim);
    const load1 = os.loadavg();
    await requestSeal();
    const chain = await verifyAuditChain(pgPool());
    const check = (
      await pgPool().query<{ n: number; d: number; a: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT id)::int AS d,
           (SELECT count(*)::int FROM audit_log WHERE action = 'queue_item.claim') AS a
         FROM queue_items WHERE assignee_id IS NOT NULL`,
      )
    ).rows[0]!;
    console.log(
      `\n${'ms per call'.padEnd(46)} ${'calls'.padStart(6)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'calls/s'.padStart(9)}`,
    );
    console.log(row(`baseline: plain SELECT … LIMIT 1, ${ANALYSTS} concurrent`, base));
    console.log(row('baseline: claim-next, 1 analyst', single));
    console.log(row(`before: chain lock until commit, ${ANALYSTS} analysts`, locked));
    console.log(row(`claim-next, ${ANALYSTS} concurrent analysts`, conc));
    console.log(
      `\nclaimed ${check.n} items, ${check.d} distinct, ${check.a} claim audit rows (every claim audited, none twice)`,
    );
    console.log(
      `audit chain after the run: ${chain.ok ? 'verified' : `BROKEN at ${chain.firstBad?.id}`}, ${chain.rows} rows, ${chain.pending} not sealed`,
    );
    console.log(
      `target p95 <= 50 ms at ${ANALYSTS} concurrent: ${conc.p95 <= 50 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `loadavg (1/5/15 min) before ${load0.map((x) => x.toFixed(2)).join(' ')}, after ${load1.map((x) => x.toFixed(2)).join(' ')}; ${os.cpus().length} cores`,
    );
    if (
      check.n !== check.d ||
      check.n !== single.n + locked.n + conc.n ||
      !chain.ok ||
      chain.pending
    )
      process.exitCode = 1;
  } finally {
    await closeDb();
    await dropDatabase(ADMIN, DB);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

import pg from 'pg';
import { pointAtDatabase } from '@/lib/env';
import { createMigratedDatabase, databaseUrlOn, dropDatabase } from '@/lib/db/databases';
import { DISTRIBUTED_BY_ACCOUNT } from '@/lib/db/distribution';
import { prepareScenario, scenarioEventLines } from '@/lib/scenario/generate';
import { scaleHydraMean } from '@/lib/scenario/mix';
import { loadAwesomePrompts, resolvePromptsCsv } from '@/lib/scenario/prompt-source';
import { extraBatch } from './batch';
import { detectInChild } from './detect-child';
import { BYTES_PER_EVENT, freeBytes, refusal } from './disk';
import { pageTimes } from './pages';
import { bytesPerEvent, mib, tableSizes } from './sizes';
import { linesStream } from './stream';
import { loadLine } from '../stats';

export interface ScaleArgs {
  events: number;
  accounts: number;
  seed: number;
  keep: boolean;
  runs: number;
}

export async function runScale(a: ScaleArgs, admin: string): Promise<void> {
  const server = new pg.Client({ connectionString: admin });
  await server.connect();
  let free = await freeBytes(server);
  await server.end();
  const no = refusal(a.events, BYTES_PER_EVENT, free);
  if (no) throw new Error(no);
  const owner = (process.env.TEST_DB_OWNER ?? '').replace(/[^a-z0-9_]/gi, '').toLowerCase();
  const name = owner
    ? `${owner}_scale_${Date.now().toString(36)}`
    : `dw_scale_${Date.now().toString(36)}`;
  const url = await createMigratedDatabase(admin, name);
  pointAtDatabase(url);
  const { pgPool, closeDb } = await import('@/lib/db/client');
  const { ingestAccounts, ingestEvents } = await import('@/lib/ingest');
  const pool = pgPool();
  try {
    // hydra members average the reported exchanges per account, scaled with events per account
    const hydraMean = scaleHydraMean(a.events, a.accounts);
    const prompts = loadAwesomePrompts(resolvePromptsCsv()).prompts;
    const prepared = prepareScenario({ ...a, mix: 'scale', hydraMean }, prompts);
    const hydra = prepared.actors
      .filter((x) => x.family === 'hydra')
      .map((x) => x.account.account_id);
    console.log(
      `database ${name}; ${prepared.actors.length} accounts, hydra ${hydra.length} × ~${hydraMean} events; load ${loadLine()}`,
    );
    await ingestAccounts(linesStream(prepared.actors.map((x) => JSON.stringify(x.account))), {
      pool,
      actor: 'scale',
    });
    const t0 = Date.now();
    let perEvent = BYTES_PER_EVENT;
    const check = (n: number) => {
      const r = refusal(a.events - n, perEvent, free);
      if (r) throw new Error(`stopped after ${n} events: ${r}`);
    };
    const sizer = setInterval(() => {
      void pool
        .query<{ b: string; n: string }>(
          `SELECT pg_database_size(current_database())::text AS b, (SELECT coalesce(sum(events), 0) FROM account_daily)::text AS n`,
        )
        .then(async ({ rows }) => {
          if (Number(rows[0].n) > 50_000) perEvent = Number(rows[0].b) / Number(rows[0].n);
          free = await freeBytes(pool); // what is free now, against what the rest will take
        })
        .catch(() => undefined);
    }, 15_000);
    const ev = await ingestEvents(linesStream(scenarioEventLines(prepared), check), {
      pool,
      actor: 'scale',
    }).finally(() => clearInterval(sizer));
    const ingestS = (Date.now() - t0) / 1000;
    console.log(
      `ingest: ${ev.accepted.toLocaleString('en')} events in ${ingestS.toFixed(1)} s (${(ev.accepted / ingestS).toFixed(0)} rows/s); load ${loadLine()}`,
    );
    const det = await detectInChild(url);
    console.log(
      `detect: ${det.wallS.toFixed(1)} s wall, peak RSS ${det.rssMb} MB (${det.summary}); load ${loadLine()}`,
    );
    const flagged = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM account_score WHERE flagged AND account_id = ANY($1)`,
      [hydra],
    );
    const fp = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM account_score s JOIN accounts a USING (account_id) WHERE s.flagged AND NOT (s.account_id = ANY($1))`,
      [hydra],
    );
    console.log(
      `hydra: ${flagged.rows[0].n} of ${hydra.length} members flagged; other accounts flagged: ${fp.rows[0].n} (single-account campaigns among them)`,
    );
    // incremental: a batch of 1 % of the events (at most 100k) onto 150 accounts, then --since-last
    const batch = Math.min(100_000, Math.round(a.events / 100));
    const b = await ingestEvents(
      linesStream(
        extraBatch(
          prepared.actors.map((x) => x.account.account_id),
          { events: batch, accounts: 150, seed: a.seed },
          prompts,
        ),
      ),
      { pool, actor: 'scale' },
    );
    const inc = await detectInChild(url, ['--since-last']);
    console.log(
      `detect --since-last after ${b.accepted.toLocaleString('en')} more events: ${inc.wallS.toFixed(1)} s wall, peak RSS ${inc.rssMb} MB (${inc.summary}); load ${loadLine()}`,
    );
    const sizes = await tableSizes(pool, DISTRIBUTED_BY_ACCOUNT);
    for (const s of sizes)
      console.log(
        `  ${s.table.padEnd(18)} data ${mib(s.data).padStart(9)}  indexes ${mib(s.index).padStart(9)}`,
      );
    console.log(
      `database: ${(await bytesPerEvent(pool, ev.accepted)).toFixed(0)} bytes per event (disk check assumes ${BYTES_PER_EVENT})`,
    );
    const pages = await pageTimes(pool, a.runs);
    for (const p of pages)
      console.log(`  ${p.name.padEnd(14)} p50 ${p.p50.toFixed(1)} ms  p95 ${p.p95.toFixed(1)} ms`);
    const ev0 = sizes.find((s) => s.table === 'events')!;
    const roll = sizes
      .filter((s) => s.table !== 'events')
      .reduce((t, s) => t + s.data + s.index, 0);
    const pp = (n: string) => {
      const p = pages.find((x) => x.name === n);
      return p ? `${p.p50.toFixed(0)} / ${p.p95.toFixed(0)}` : '—';
    };
    console.log(
      '\n| events | accounts | ingest | rows/s | detect | peak RSS | events data + idx | rollups + scores | accounts list p50/p95 ms | account page | cluster page | since-last (1 % batch) | hydra flagged | load avg |',
    );
    console.log(
      `| ${ev.accepted.toLocaleString('en')} | ${prepared.actors.length.toLocaleString('en')} | ${ingestS.toFixed(0)} s | ${(ev.accepted / ingestS).toFixed(0)} | ${det.wallS.toFixed(0)} s | ${det.rssMb} MB | ${mib(ev0.data)} + ${mib(ev0.index)} | ${mib(roll)} | ${pp('accounts list')} | ${pp('account page')} | ${pp('cluster page')} | ${inc.wallS.toFixed(0)} s | ${flagged.rows[0].n}/${hydra.length} | ${loadLine()} |`,
    );
  } finally {
    await closeDb();
    if (a.keep) console.log(`kept database ${name}: ${databaseUrlOn(admin, name)}`);
    else await dropDatabase(admin, name);
  }
}

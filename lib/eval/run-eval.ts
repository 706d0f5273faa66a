import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pool } from 'pg';
import { ingestAccounts, ingestEvents } from '@/lib/ingest';
import { runDetection, loadSettings, type DetectSummary } from '@/lib/detect';
import { evaluate, type FamilyRow, type Truth } from './metrics';
import { firstAlarms, summariseAlarms } from './first-alarm';
import { inFlaggedClusters } from './replay';
import { censusOf, summariseCensus, type CensusRow, type CensusSummary } from './census';
import { earlyDays } from './early-days';

export interface EvalResult {
  families: FamilyRow[];
  overall: FamilyRow;
  beforeAlarm: Map<string, string>;
  detect: DetectSummary;
  peakRssMb: number;
  /** benign cluster census over the replayed prefixes (null without a replay) */
  census: CensusSummary | null;
}

export async function readTruth(dir: string): Promise<Truth[]> {
  const text = await readFile(path.join(dir, 'truth.ndjson'), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Truth);
}

/** Ingest a scenario directory through the normal path, detect, and score against truth.ndjson. */
export async function evalScenario(
  pool: Pool,
  dir: string,
  o: {
    replayPoints?: number;
    log?: (m: string) => void;
    skipIngest?: boolean;
    /** NDJSON file for every census row (cluster × replayed prefix) */
    censusOut?: string;
  } = {},
): Promise<EvalResult> {
  const log = o.log ?? (() => {});
  if (!o.skipIngest) {
    const acc = await ingestAccounts(path.join(dir, 'accounts.ndjson'), { pool, actor: 'eval' });
    log(`accounts: ${acc.accepted} accepted, ${acc.rejected} rejected`);
    let lastLog = 0;
    const ev = await ingestEvents(path.join(dir, 'events.ndjson'), {
      pool,
      actor: 'eval',
      onProgress: (p) => {
        if (Date.now() - lastLog > 5000) {
          lastLog = Date.now();
          log(
            `events: ${p.accepted.toLocaleString('en-US')} (${(p.elapsedMs / 1000).toFixed(0)} s)`,
          );
        }
      },
    });
    log(
      `events: ${ev.accepted} accepted, ${ev.duplicates} duplicates, ${ev.rejected} rejected in ${(ev.elapsedMs / 1000).toFixed(1)} s`,
    );
  }
  const rss0 = process.resourceUsage().maxRSS;
  const detect = await runDetection(pool, { actor: { id: null, email: 'eval' } });
  const peakRssMb = Math.max(rss0, process.resourceUsage().maxRSS) / 1024;
  log(
    `detect: ${(detect.elapsedMs / 1000).toFixed(1)} s, ${detect.flaggedAccounts} accounts and ${detect.flaggedClusters} clusters flagged`,
  );
  const truth = await readTruth(dir);
  const scored = (
    await pool.query<{
      account_id: string;
      flagged: boolean;
      cluster_id: string | null;
      via_cluster: boolean;
    }>(
      `SELECT s.account_id, s.flagged, s.cluster_id,
              coalesce(s.flagged AND m.state = 'flagged' AND m.own_risk < $1, false) AS via_cluster
       FROM account_score s LEFT JOIN cluster_members m USING (account_id)`,
      [(await loadSettings(pool)).accountThreshold],
    )
  ).rows;
  const { families, overall } = evaluate(truth, scored);
  let beforeAlarm = new Map<string, string>();
  let census: CensusSummary | null = null;
  if ((o.replayPoints ?? 0) > 1) {
    const s = await loadSettings(pool);
    const final = {
      flagged: new Set(scored.filter((r) => r.flagged).map((r) => r.account_id)),
      inFlaggedCluster: await inFlaggedClusters(pool),
    };
    // the prefixes where campaigns hold 2, 5 and 10 % of their events are replayed for the census
    const byId = new Map(truth.map((t) => [t.account_id, t]));
    const rows: CensusRow[] = [];
    const alarms = await firstAlarms(pool, truth, s, o.replayPoints!, final, log, {
      extra: await earlyDays(pool, truth),
      onReplay: (p) => rows.push(...censusOf(p.cutoff, p.clusters, byId, s.accountThreshold)),
    });
    beforeAlarm = summariseAlarms(alarms);
    census = summariseCensus(rows);
    if (o.censusOut)
      await writeFile(o.censusOut, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
  return { families, overall, beforeAlarm, detect, peakRssMb, census };
}

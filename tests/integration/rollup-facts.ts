import type { Pool } from 'pg';
import { detectCore } from '@/lib/detect/core';
import { getCoverageCurve } from '@/lib/detect/coverage-read';
import { loadSettings } from '@/lib/detect/settings';
import { loadBands } from '@/lib/detect/load-bands';
import { loadCoverage } from '@/lib/detect/load-coverage';
import { loadTemplates } from '@/lib/detect/load-templates';

// Everything detection and the pages read from the bucket and template rollups, in a comparable
// form (times as epoch ms, floats rounded): used to show that two ways of keeping the rollups give
// the same answers on the same events (rollups-equivalence.int.test.ts).
const ms = (c: string) => `(extract(epoch FROM ${c}) * 1000)::bigint::text`;

export async function rollupFacts(db: Pick<Pool, 'query'>, newTemplatesSql: string) {
  const q = async (sql: string) => (await db.query(sql)).rows;
  const accounts = (await q('SELECT DISTINCT account_id FROM account_daily ORDER BY 1')).map(
    (r) => r.account_id as string,
  );
  const curves = [];
  for (const id of accounts) curves.push(await getCoverageCurve(db, id));
  const out = await detectCore(db, await loadSettings(db));
  const r6 = (x: unknown) => (typeof x === 'number' ? Math.round(x * 1e6) / 1e6 : x);
  return {
    bucket: await q(
      `SELECT account_id, kind::int, bucket, ${ms('first_ts')} AS first, events FROM account_bucket ORDER BY 1, 2, 3`,
    ),
    template: await q(
      `SELECT account_id, simhash::text, events, ${ms('first_ts')} AS first, ${ms('last_ts')} AS last FROM account_template ORDER BY 1, 2`,
    ),
    newTemplates: await q(newTemplatesSql),
    curves,
    accounts: out.accounts.map((a) => ({
      id: a.account_id,
      risk: r6(a.risk),
      flagged: a.flagged,
      cluster: a.cluster_id,
      signals: Object.fromEntries(
        Object.entries(a.signals as Record<string, number>).map(([k, v]) => [k, r6(v)]),
      ),
    })),
    clusters: out.clusters.map((k) => ({
      members: k.member_ids,
      risk: r6(k.risk),
      flagged: k.flagged,
    })),
  };
}

type Loaders = {
  loadCoverage: typeof loadCoverage;
  loadBands: typeof loadBands;
  loadTemplates: typeof loadTemplates;
};
const current: Loaders = { loadCoverage, loadBands, loadTemplates };

/** What detection's three rollup loaders return (frames sorted: their order carries no meaning). */
export async function loaderFacts(db: Pick<Pool, 'query'>, loaders: Loaders = current) {
  const sorted = <V>(m: Map<string, V>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const bands = await loaders.loadBands(db, 50);
  return {
    coverage: sorted(await loaders.loadCoverage(db)),
    nearDup: sorted(bands.nearDup),
    frames: [...bands.frames].sort((a, b) => (a.value < b.value ? -1 : 1)),
    templates: sorted(await loaders.loadTemplates(db, bands.nearDup)),
  };
}

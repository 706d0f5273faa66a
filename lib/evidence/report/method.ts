import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SETTINGS, mergeSettings, type DetectSettings } from '@/lib/detect/settings';
import { SIGNALS } from '@/lib/detect/signal-defs';
import { one } from '@/lib/queries/sql';
import { env } from '@/lib/env';
import type { ReportInput } from './types';

// The report's "method" section: which build of the product, which detection run, and the
// thresholds and weights that run used (detect_runs.settings_version → detect_settings_versions),
// not today's settings, since a court asks what produced the score.

function productVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8'));
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** GIT_COMMIT when the deployment sets it, else the checkout's HEAD, else "unknown". */
export function gitCommit(): string {
  const fromEnv = env().GIT_COMMIT;
  if (fromEnv) return fromEnv;
  try {
    const git = path.join(process.cwd(), '.git');
    // A worktree's .git is a file pointing at its git dir.
    const dir = existsSync(path.join(git, 'HEAD'))
      ? git
      : readFileSync(git, 'utf8')
          .replace(/^gitdir:\s*/, '')
          .trim();
    const head = readFileSync(path.join(dir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    const ref = head.slice(5);
    const common = existsSync(path.join(dir, 'commondir'))
      ? path.resolve(dir, readFileSync(path.join(dir, 'commondir'), 'utf8').trim())
      : dir;
    for (const d of [dir, common]) {
      const f = path.join(d, ref);
      if (existsSync(f)) return readFileSync(f, 'utf8').trim();
    }
    const packed = readFileSync(path.join(common, 'packed-refs'), 'utf8');
    return (
      packed
        .split('\n')
        .find((l) => l.endsWith(` ${ref}`))
        ?.split(' ')[0] ?? 'unknown'
    );
  } catch {
    return 'unknown';
  }
}

interface RunRow {
  id: string;
  started_at: Date;
  settings_version: number | null;
  settings: unknown;
}

export async function methodOf(
  at: Date,
): Promise<{ method: ReportInput['method']; settings: DetectSettings }> {
  const run = await one<RunRow>(
    `SELECT r.id::text AS id, r.started_at, r.settings_version, v.settings
       FROM detect_runs r LEFT JOIN detect_settings_versions v ON v.version = r.settings_version
      WHERE r.status = 'done' AND r.started_at <= $1 ORDER BY r.started_at DESC LIMIT 1`,
    [at],
  );
  const settings = run?.settings ? mergeSettings(run.settings) : DEFAULT_SETTINGS;
  const s = settings;
  return {
    settings,
    method: {
      productVersion: productVersion(),
      gitCommit: gitCommit(),
      detectionRunId: run
        ? `${run.id} (settings version ${run.settings_version ?? 'defaults'})`
        : null,
      detectionRunAt: run ? run.started_at.toISOString() : null,
      signals: SIGNALS.map((d) => ({
        id: d.id,
        label: d.label,
        unit: d.unit,
        lo: d.lo,
        hi: d.hi,
        invert: d.invert,
        explain: d.explain,
      })),
      thresholds: {
        accountThreshold: s.accountThreshold,
        clusterThreshold: s.clusterThreshold,
        minEvents: s.minEvents,
        linkThreshold: s.linkThreshold,
        maxIndicatorAccounts: s.maxIndicatorAccounts,
        minClusterSize: s.minClusterSize,
        signupBurstMinutes: s.signupBurstMinutes,
        bias: s.bias,
        slope: s.slope,
        clusterBias: s.clusterBias,
      },
      weights: s.weights,
      riskFormula:
        `account risk = logistic(${s.slope} × (Σ weight × evidence − ${s.bias})); ` +
        `flagged at ≥ ${s.accountThreshold}. Evidence is each signal's value on a linear ramp ` +
        'between the bounds below (0 below, 1 above).',
    },
  };
}

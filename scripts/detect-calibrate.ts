import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { closeDb, pgPool } from '@/lib/db/client';
import { detectCore } from '@/lib/detect/core';
import { loadSettings } from '@/lib/detect/settings';
import {
  DEFAULT_FIT,
  fit,
  isValidation,
  probability,
  riskUnder,
  samplesFrom,
  settingsPatch,
  type Sample,
} from '@/lib/detect/calibrate';
import { dispositionLabels, scenarioLabels, type Label } from '@/lib/detect/calibrate/labels';
import { formatCalibration, lofoTable } from '@/lib/detect/calibrate/report';

// `npm run detect:calibrate -- [--truth DIR/truth.ndjson] [--features F1,F2] [--save F]
//   [--exclude hydra] [--l2 1] [--prior expert|none] [--quiet 3] [--out weights.json] [--lofo]`
// Fits the account risk weights (logistic regression under the expert prior of
// lib/detect/calibrate/prior.ts, or a plain ridge penalty with --prior none; non-negative weights) on the
// labels available (each attack sample also as quiet copies with some evidence removed, weighing
// --quiet in total: lib/detect/calibrate/quiet.ts; --quiet 0 is the plain fit): the scenario's ground truth (--truth) and case dispositions (the
// `dispositions` table, when it exists; they win over scenario labels). Features come from a
// detection pass over DATABASE_URL (nothing is written) or from files saved with --save (to fit on
// several scenarios at once). Prints before/after precision, recall, FPR and a reliability table
// on a 30 % validation split and writes the weights as a partial settings object: an admin puts
// them in force through PUT /api/v1/admin/settings/detection (audited, versioned, reversible).
const { values: a } = parseArgs({
  options: {
    truth: { type: 'string' },
    features: { type: 'string' },
    save: { type: 'string' },
    exclude: { type: 'string', default: 'hydra' },
    l2: { type: 'string', default: '1' },
    out: { type: 'string', default: 'detect-weights.json' },
    lofo: { type: 'boolean', default: false },
    prior: { type: 'string', default: 'expert' },
    quiet: { type: 'string', default: String(DEFAULT_FIT.quiet) },
  },
  strict: true,
});

const log = (m: string) => console.error(`[calibrate] ${m}`);
const exclude = new Set((a.exclude ?? '').split(',').filter(Boolean));
const settings = await loadSettings(pgPool());
let samples: Sample[] = [];
try {
  if (a.features) {
    for (const f of a.features.split(','))
      for (const line of readFileSync(f, 'utf8').split('\n'))
        if (line.trim()) samples.push(JSON.parse(line) as Sample);
    samples = samples.filter((s) => !exclude.has(s.family));
  } else {
    const labels = new Map<string, Label>(a.truth ? scenarioLabels(a.truth) : []);
    for (const [id, l] of await dispositionLabels(pgPool())) labels.set(id, l);
    if (labels.size === 0) throw new Error('no labels: pass --truth or record case dispositions');
    log(`detecting on ${labels.size} labelled accounts…`);
    const out = await detectCore(pgPool(), settings);
    samples = samplesFrom(out.accounts, labels, { minEvents: settings.minEvents, exclude });
  }
  if (a.save) writeFileSync(a.save, samples.map((s) => JSON.stringify(s)).join('\n') + '\n');
  const train = samples.filter((s) => !isValidation(s.account_id));
  const valid = samples.filter((s) => isValidation(s.account_id));
  const l2 = Number(a.l2);
  const quiet = Number(a.quiet);
  if (a.prior !== 'expert' && a.prior !== 'none') throw new Error('--prior must be expert or none');
  if (!(l2 > 0)) throw new Error(`--l2 must be a positive number, got "${a.l2}"`);
  if (!(quiet >= 0)) throw new Error(`--quiet must be a number >= 0, got "${a.quiet}"`);
  const config = { l2, prior: a.prior === 'expert', quiet };
  log(
    `${samples.length} samples (${train.length} train, ${valid.length} validation), l2 ${l2}, quiet copies ${quiet}`,
  );
  const model = fit(train, config);
  const patch = settingsPatch(model);
  const before = valid.map((s) => riskUnder(settings, s.x));
  const after = valid.map((s) => probability(model, s));
  console.log(
    formatCalibration(
      valid.map((s) => s.y),
      before,
      after,
      settings.accountThreshold,
    ),
  );
  if (a.lofo) console.log(`\n${lofoTable(samples, config, settings.accountThreshold)}`);
  writeFileSync(
    a.out!,
    `${JSON.stringify({ ...patch, source: 'calibration', note: `logistic regression, l2 ${l2}, prior ${a.prior}, quiet copies ${quiet}, ${train.length} training accounts` }, null, 2)}\n`,
  );
  console.log(`\nweights written to ${a.out} (apply: PUT /api/v1/admin/settings/detection)`);
} catch (e) {
  console.error(`calibrate failed: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}

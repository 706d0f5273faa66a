import { fit, isValidation, probability, type FitConfig, type Sample } from './index';
import { brier, confusion, reliability } from './metrics';

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(2)}%`);

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i])).join(' | ')} |`;
  return [line(head), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.map(line)].join(
    '\n',
  );
}

/** Before/after metrics at the threshold and the reliability table of the fitted probabilities. */
export function formatCalibration(
  y: number[],
  before: number[],
  after: number[],
  threshold: number,
): string {
  const b = confusion(before, y, threshold);
  const f = confusion(after, y, threshold);
  const head = table(
    ['validation split', 'precision', 'recall', 'FPR', 'flagged', 'Brier'],
    [
      [
        'before (settings in force)',
        pct(b.precision),
        pct(b.recall),
        pct(b.fpr),
        String(b.tp + b.fp),
        brier(before, y).toFixed(4),
      ],
      [
        'after (fitted)',
        pct(f.precision),
        pct(f.recall),
        pct(f.fpr),
        String(f.tp + f.fp),
        brier(after, y).toFixed(4),
      ],
    ],
  );
  const rel = table(
    ['predicted', 'accounts', 'mean predicted', 'observed'],
    reliability(after, y).map((r) => [
      `${r.lo.toFixed(1)}–${r.hi.toFixed(1)}`,
      String(r.n),
      r.meanPredicted === null ? '–' : r.meanPredicted.toFixed(3),
      r.observed === null ? '–' : r.observed.toFixed(3),
    ]),
  );
  return `${head}\n\nReliability (after, validation split):\n${rel}`;
}

/**
 * Leave-one-family-out: for each attack family X, fit without any of X's accounts, then measure
 * recall on all of X and FPR on the validation benign accounts (account scores only; clusters are
 * not refitted).
 */
export function lofoTable(samples: Sample[], c: FitConfig, threshold: number): string {
  const families = [...new Set(samples.filter((s) => s.y === 1).map((s) => s.family))].sort();
  const rows = families.map((fam) => {
    const train = samples.filter((s) => s.family !== fam && !isValidation(s.account_id));
    const m = fit(train, c);
    const held = samples.filter((s) => s.family === fam);
    const benign = samples.filter((s) => s.y === 0 && isValidation(s.account_id));
    const rec = confusion(
      held.map((s) => probability(m, s)),
      held.map((s) => s.y),
      threshold,
    );
    const fp = confusion(
      benign.map((s) => probability(m, s)),
      benign.map((s) => s.y),
      threshold,
    );
    return [fam, String(held.length), pct(rec.recall), pct(fp.fpr)];
  });
  return `Leave-one-family-out (fit without the family, account scores):\n${table(
    ['held-out family', 'accounts', 'recall', 'benign FPR (validation)'],
    rows,
  )}`;
}

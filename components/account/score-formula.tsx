import type { ScoreExplanation } from '@/lib/queries/explain';
import { formatNumber, formatScore } from '@/lib/queries/format-value';

// The arithmetic from docs/detection.md with this score's numbers: Σ of the contributions listed
// above, risk = 1 / (1 + e^−(slope × (Σ − bias))), and the Σ at which the flag threshold is reached.
export function ScoreFormulaBox({ x }: { x: ScoreExplanation }) {
  const { slope, bias, threshold, minEvents } = x.formula;
  const gap = x.sum - bias;
  return (
    <div
      className="rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
      data-testid="score-formula"
      aria-label="How the sum becomes the score"
    >
      <p className="font-medium">How the sum becomes the score</p>
      <p>
        Σ contributions ={' '}
        <strong className="tabular-nums" data-testid="contribution-sum">
          {formatScore(x.sum)}
        </strong>{' '}
        <span className="text-slate-600">(each contribution = evidence × weight)</span>
      </p>
      <p className="font-mono text-xs leading-6" data-testid="formula">
        risk = 1 / (1 + e<sup>−slope × (Σ − bias)</sup>) = 1 / (1 + e
        <sup>
          −{formatNumber(slope)} × ({formatScore(x.sum)} − {formatScore(bias)})
        </sup>
        ) = 1 / (1 + e
        <sup>
          {gap * slope > 0 ? '−' : ''}
          {formatScore(Math.abs(gap * slope))}
        </sup>
        ) = <strong>{formatScore(x.modelRisk)}</strong>
      </p>
      <p className="text-slate-600">
        Flag threshold: risk ≥ {formatScore(threshold)}, reached at Σ ≥{' '}
        {formatScore(x.sumAtThreshold)}
        {minEvents ? ` (and at least ${minEvents} events)` : ''}. Bias and slope are this detection
        run&apos;s settings.
      </p>
    </div>
  );
}

import Link from 'next/link';
import type { ScoreExplanation } from '@/lib/queries/explain';
import { formatNumber, formatScore } from '@/lib/queries/format-value';
import { ContributionList } from './contribution-list';
import { ScoreFormulaBox } from './score-formula';

/**
 * "Why this score": the signals that add to Σ (those adding nothing collapsed behind "show all"),
 * and how Σ becomes the risk. Below the threshold nothing is presented as a finding.
 */
export function ScoreExplanationView({ x, flagged }: { x: ScoreExplanation; flagged: boolean }) {
  const active = x.items.filter((c) => c.contribution > 0);
  const zero = x.items.filter((c) => !(c.contribution > 0));
  const max = Math.max(0, ...active.map((c) => c.contribution));
  const below = !flagged && x.risk < x.formula.threshold;
  const subject = x.subject === 'account' ? 'account' : 'cluster';
  return (
    <div className="space-y-3">
      {below && (
        <p
          className="rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
          data-testid="below-threshold"
        >
          {active.length === 0 ? (
            <>
              <strong>No signal above the benign range.</strong> Every signal of this {subject} sits
              inside the range of comparable benign {subject}s.
            </>
          ) : (
            <>
              <strong>No finding: below the flag threshold.</strong> {active.length} signal
              {active.length === 1 ? ' sits' : 's sit'} slightly beyond the benign range, together Σ{' '}
              {formatScore(x.sum)}, short of the {formatNumber(x.sumAtThreshold)} a flag needs. They
              are listed for completeness, not as reasons.
            </>
          )}
        </p>
      )}
      {x.viaCluster && (
        <p
          className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm"
          data-testid="via-cluster"
        >
          Flagged with cluster{' '}
          <Link
            className="text-blue-700 hover:underline"
            href={`/clusters/${encodeURIComponent(x.viaCluster.id)}`}
          >
            {x.viaCluster.id}
          </Link>{' '}
          (risk {formatScore(x.viaCluster.risk)}). Its own signals below give risk{' '}
          {formatScore(x.modelRisk)}; the risk shown is the larger of the two.
        </p>
      )}
      {active.length > 0 && (
        <ContributionList
          items={active}
          max={max}
          muted={below}
          label={below ? 'Signals slightly beyond the benign range' : 'Signal contributions'}
        />
      )}
      {zero.length > 0 && (
        <details className="text-sm" data-testid="zero-signals">
          <summary className="cursor-pointer text-blue-700">
            Show all {x.items.length} signals ({zero.length} add nothing: inside the benign range,
            not measured, or weight 0)
          </summary>
          <div className="mt-2">
            <ContributionList items={zero} max={0} label="Signals adding nothing" />
          </div>
        </details>
      )}
      <ScoreFormulaBox x={x} />
    </div>
  );
}

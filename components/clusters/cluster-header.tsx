import type { ClusterHeader as Header } from '@/lib/queries/cluster-detail';
import { ScoreExplanationView } from '@/components/account/score-explanation';

/** `threshold`: detection's cluster flag threshold, read from its settings by the page. */
export function ClusterHeader({ h, threshold }: { h: Header; threshold: number }) {
  return (
    <section
      aria-label="Cluster risk"
      className="mb-4 grid min-h-32 gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[16rem_1fr]"
    >
      <div>
        <div
          className={`inline-flex items-baseline gap-2 rounded-lg px-3 py-2 ${h.risk >= threshold ? 'bg-red-100 text-red-800' : 'bg-amber-100 text-amber-800'}`}
        >
          <span className="text-3xl font-semibold tabular-nums">{h.risk.toFixed(2)}</span>
          <span className="text-sm">{h.flagged ? 'flagged' : 'not flagged'}</span>
        </div>
        <dl className="mt-2 grid grid-cols-2 gap-x-3 text-sm">
          <dt className="text-slate-600">Members</dt>
          <dd className="tabular-nums">{h.members.toLocaleString('en')}</dd>
          <dt className="text-slate-600">Exchanges</dt>
          <dd className="tabular-nums">{h.events.toLocaleString('en')}</dd>
          <dt className="text-slate-600">Review</dt>
          <dd>{h.flag_status ?? '—'}</dd>
        </dl>
      </div>
      <div>
        <h2 className="mb-2 font-semibold">Why this cluster</h2>
        {h.explanation.items.length ? (
          <ScoreExplanationView x={h.explanation} flagged={h.flagged} />
        ) : (
          <p className="text-sm text-slate-600">
            {h.reasons.join(', ') || 'No explanation recorded.'}
          </p>
        )}
      </div>
    </section>
  );
}

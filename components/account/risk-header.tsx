import Link from 'next/link';
import type { AccountHeader } from '@/lib/queries/account-header';
import { riskBand } from '@/lib/queries/flag-thresholds';
import { ScoreExplanationView } from './score-explanation';

const day = (s: string | null) => (s ? s.slice(0, 10) : '—');

const TONE = {
  high: 'bg-red-100 text-red-800',
  elevated: 'bg-amber-100 text-amber-800',
  low: 'bg-emerald-100 text-emerald-800',
};

/** `threshold`: detection's account flag threshold, read from its settings by the page. */
export function RiskHeader({ h, threshold }: { h: AccountHeader; threshold: number }) {
  const tone = h.risk === null ? 'bg-slate-100 text-slate-600' : TONE[riskBand(h.risk, threshold)];
  return (
    <section
      aria-label="Risk"
      className="mb-4 grid min-h-40 gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-[16rem_1fr]"
    >
      <div className="space-y-2">
        <div
          className={`inline-flex items-baseline gap-2 rounded-lg px-3 py-2 ${tone}`}
          data-testid="risk"
        >
          <span className="text-3xl font-semibold tabular-nums">
            {h.risk === null ? '—' : h.risk.toFixed(2)}
          </span>
          <span className="text-sm">
            {h.flagged ? 'flagged' : h.scored ? 'not flagged' : 'not scored yet'}
          </span>
        </div>
        <dl className="grid grid-cols-2 gap-x-3 text-sm">
          <dt className="text-slate-600">Review</dt>
          <dd>{h.flag_status ?? '—'}</dd>
          <dt className="text-slate-600">Events</dt>
          <dd className="tabular-nums">{h.events.toLocaleString('en')}</dd>
          <dt className="text-slate-600">Coverage</dt>
          <dd>{h.coverage === null ? '—' : `${(h.coverage * 100).toFixed(0)}%`}</dd>
          <dt className="text-slate-600">Active</dt>
          <dd>
            {day(h.first_seen)} → {day(h.last_seen)}
          </dd>
          <dt className="text-slate-600">Domain</dt>
          <dd>{h.email_domain ?? '—'}</dd>
          <dt className="text-slate-600">Country · tier</dt>
          <dd>
            {h.country ?? '—'} · {h.tier ?? '—'}
          </dd>
          <dt className="text-slate-600">Cluster</dt>
          <dd>
            {h.cluster_id ? (
              <Link
                className="text-blue-700 hover:underline"
                href={`/clusters/${encodeURIComponent(h.cluster_id)}`}
              >
                {h.cluster_id}
              </Link>
            ) : (
              '—'
            )}
            {h.cluster_members ? (
              <span className="text-slate-600"> ({h.cluster_members})</span>
            ) : null}
          </dd>
        </dl>
      </div>
      <div>
        <h2 className="mb-2 font-semibold">Why this score</h2>
        {h.explanation && h.explanation.items.length > 0 ? (
          <ScoreExplanationView x={h.explanation} flagged={h.flagged} />
        ) : (
          <p className="text-sm text-slate-600">
            No explanation recorded for this account
            {h.scored ? '' : ' (detection has not scored it yet)'}.
          </p>
        )}
        {h.computed_at && (
          <p className="mt-2 text-xs text-slate-600">
            Scored {h.computed_at.slice(0, 16).replace('T', ' ')} UTC
          </p>
        )}
      </div>
    </section>
  );
}

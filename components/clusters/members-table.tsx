import Link from 'next/link';
import type { ClusterMemberRow } from '@/lib/queries/cluster-detail';
import { PanelEmpty } from '@/components/charts/panel';

const STATE_LABEL: Record<ClusterMemberRow['state'], string> = {
  flagged: 'Flagged',
  review: 'Linked, review',
  linked: 'Linked',
};

export function MembersTable({ rows }: { rows: ClusterMemberRow[] }) {
  if (rows.length === 0)
    return <PanelEmpty>This cluster has no members in the current run.</PanelEmpty>;
  return (
    <div className="max-h-96 overflow-y-auto">
      <table className="w-full text-left text-sm" aria-label="Members">
        <thead className="sticky top-0 bg-white text-xs text-slate-500">
          <tr>
            <th className="py-1">Account</th>
            <th className="text-right">Risk</th>
            <th className="pl-3">State</th>
            <th
              className="text-right"
              title="Own risk: the member's own signals, without the cluster"
            >
              Own risk
            </th>
            <th
              className="text-right"
              title="Independent rare indicators shared with other members (summed rarity weight)"
            >
              Tie
            </th>
            <th className="text-right">Events</th>
            <th className="text-right">Coverage</th>
            <th className="pl-3">Reasons</th>
            <th>Domain</th>
            <th>Last seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.account_id} className="border-t border-slate-100" data-testid="member-row">
              <td className="py-1">
                <Link
                  className="font-mono text-blue-700 hover:underline"
                  href={`/accounts/${encodeURIComponent(m.account_id)}`}
                >
                  {m.account_id}
                </Link>
              </td>
              <td
                className={`text-right tabular-nums ${m.flagged ? 'font-semibold text-red-700' : ''}`}
              >
                {m.risk === null ? '—' : m.risk.toFixed(2)}
              </td>
              <td className="pl-3 text-xs" data-testid="member-state">
                {STATE_LABEL[m.state]}
              </td>
              <td className="text-right tabular-nums">{m.own_risk.toFixed(2)}</td>
              <td className="text-right tabular-nums">
                {m.tie_kinds} ({m.tie_strength.toFixed(1)})
              </td>
              <td className="text-right tabular-nums">{m.events.toLocaleString('en')}</td>
              <td className="text-right tabular-nums">
                {m.coverage === null ? '—' : `${(m.coverage * 100).toFixed(0)}%`}
              </td>
              <td className="pl-3 text-xs">{m.reasons.slice(0, 3).join(', ') || '—'}</td>
              <td className="text-xs">{m.email_domain ?? '—'}</td>
              <td className="font-mono text-xs">{m.last_seen?.slice(0, 10) ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import Link from 'next/link';
import type { ClusterSummary } from '@/lib/queries/cluster-detail';
import { PanelEmpty } from '@/components/charts/panel';

export function ClustersTable({ rows, empty }: { rows: ClusterSummary[]; empty: string }) {
  if (rows.length === 0) return <PanelEmpty>{empty}</PanelEmpty>;
  return (
    <table className="w-full text-left text-sm" aria-label="Clusters">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1">Cluster</th>
          <th className="text-right">Risk</th>
          <th className="text-right">Members</th>
          <th className="text-right">Exchanges</th>
          <th className="pl-3">Reasons</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id} className="border-t border-slate-100" data-testid="cluster-row">
            <td className="py-1">
              <Link
                className="font-mono text-blue-700 hover:underline"
                href={`/clusters/${encodeURIComponent(c.id)}`}
              >
                {c.id}
              </Link>
            </td>
            <td
              className={`text-right tabular-nums ${c.flagged ? 'font-semibold text-red-700' : ''}`}
            >
              {c.risk.toFixed(2)}
            </td>
            <td className="text-right tabular-nums">{c.members.toLocaleString('en')}</td>
            <td className="text-right tabular-nums">{c.events.toLocaleString('en')}</td>
            <td className="pl-3 text-xs">{c.reasons.slice(0, 3).join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

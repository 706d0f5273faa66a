import Link from 'next/link';
import type { LinkedAccount } from '@/lib/queries/linked-accounts';
import { PanelEmpty } from '@/components/charts/panel';

export function LinkedAccountsTable({ rows }: { rows: LinkedAccount[] }) {
  if (rows.length === 0)
    return <PanelEmpty>No other account shares a rare indicator with this one.</PanelEmpty>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1">Account</th>
          <th>Shares</th>
          <th className="text-right">Risk</th>
          <th>Cluster</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.account_id} className="border-t border-slate-100">
            <td className="py-1">
              <Link
                className="text-blue-700 hover:underline"
                href={`/accounts/${encodeURIComponent(r.account_id)}`}
              >
                {r.account_id}
              </Link>
            </td>
            <td className="text-xs text-slate-600">{r.kinds.join(', ')}</td>
            <td className="text-right tabular-nums">{r.risk === null ? '—' : r.risk.toFixed(2)}</td>
            <td>
              {r.cluster_id ? (
                <Link
                  className="text-blue-700 hover:underline"
                  href={`/clusters/${encodeURIComponent(r.cluster_id)}`}
                >
                  {r.cluster_id}
                </Link>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import Link from 'next/link';
import type { LinkedAccount } from '@/lib/queries/linked-accounts';
import { PanelEmpty } from '@/components/charts/panel';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';

export function LinkedAccountsTable({ rows }: { rows: LinkedAccount[] }) {
  if (rows.length === 0)
    return <PanelEmpty>No other account shares a rare indicator with this one.</PanelEmpty>;
  return (
    <Table aria-label="Linked accounts">
      <THead>
        <tr>
          <Th>Account</Th>
          <Th>Shares</Th>
          <Th numeric>Risk</Th>
          <Th>Cluster</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.account_id}>
            <Td>
              <Link
                className="text-blue-700 hover:underline"
                href={`/accounts/${encodeURIComponent(r.account_id)}`}
              >
                {r.account_id}
              </Link>
            </Td>
            <Td className="text-xs text-slate-700">
              {/* the shared values themselves, one a line, so the reviewer sees what links them */}
              <ul>
                {r.shares.map((s) => (
                  <li key={s} className="max-w-64 truncate" title={s}>
                    {s}
                  </li>
                ))}
              </ul>
            </Td>
            <Td numeric>{r.risk === null ? '—' : r.risk.toFixed(2)}</Td>
            <Td>
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
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

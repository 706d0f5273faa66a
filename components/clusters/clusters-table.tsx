import Link from 'next/link';
import type { ClusterSummary } from '@/lib/queries/cluster-detail';
import { PanelEmpty } from '@/components/charts/panel';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';

export function ClustersTable({ rows, empty }: { rows: ClusterSummary[]; empty: string }) {
  if (rows.length === 0) return <PanelEmpty>{empty}</PanelEmpty>;
  return (
    <Table aria-label="Clusters">
      <THead>
        <tr>
          <Th>Cluster</Th>
          <Th numeric>Risk</Th>
          <Th numeric>Members</Th>
          <Th numeric>Exchanges</Th>
          <Th>Reasons</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((c) => (
          <Tr key={c.id} data-testid="cluster-row">
            <Td>
              <Link
                className="font-mono text-blue-700 hover:underline"
                href={`/clusters/${encodeURIComponent(c.id)}`}
              >
                {c.id}
              </Link>
            </Td>
            <Td numeric className={c.flagged ? 'font-semibold text-red-700' : ''}>
              {c.risk.toFixed(2)}
            </Td>
            <Td numeric>{c.members.toLocaleString('en')}</Td>
            <Td numeric>{c.events.toLocaleString('en')}</Td>
            <Td truncate className="text-xs">
              {c.reasons.slice(0, 3).join(', ') || '—'}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

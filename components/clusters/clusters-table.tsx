import Link from 'next/link';
import type { ClusterSummary } from '@/lib/queries/cluster-detail';
import { PanelEmpty } from '@/components/charts/panel';
import { SortHeader } from '@/components/ui/sort-header';
import { ReasonsCell } from '@/components/ui/reasons-cell';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';

/** Sortable headers: the current sort and the URL parameters to keep (the list page passes them). */
type Sorting = { current: { sort: string; dir: 'asc' | 'desc' }; params: Record<string, string> };

function Header({ column, label, sorting }: { column: string; label: string; sorting?: Sorting }) {
  const numeric = column !== 'id';
  return sorting && column !== 'id' ? (
    <SortHeader column={column} label={label} numeric={numeric} {...sorting} />
  ) : (
    <Th numeric={numeric}>{label}</Th>
  );
}

export function ClustersTable({
  rows,
  empty,
  sorting,
}: {
  rows: ClusterSummary[];
  empty: string;
  sorting?: Sorting;
}) {
  if (rows.length === 0) return <PanelEmpty>{empty}</PanelEmpty>;
  return (
    <Table aria-label="Clusters">
      <THead>
        <tr>
          <Header column="id" label="Cluster" />
          <Header column="risk" label="Risk" sorting={sorting} />
          <Header column="members" label="Members" sorting={sorting} />
          <Header column="events" label="Exchanges" sorting={sorting} />
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
            <ReasonsCell reasons={c.reasons} />
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

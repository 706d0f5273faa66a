import Link from 'next/link';
import type { ClusterMemberRow } from '@/lib/queries/cluster-detail';
import { PanelEmpty } from '@/components/charts/panel';
import { ReasonsCell } from '@/components/ui/reasons-cell';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';

const STATE_LABEL: Record<ClusterMemberRow['state'], string> = {
  flagged: 'Flagged',
  review: 'Linked, review',
  linked: 'Linked',
};

export function MembersTable({ rows }: { rows: ClusterMemberRow[] }) {
  if (rows.length === 0)
    return <PanelEmpty>This cluster has no members in the current run.</PanelEmpty>;
  return (
    <div
      className="max-h-96 overflow-y-auto"
      tabIndex={0}
      role="region"
      aria-label="Members (scrolls)"
    >
      <Table aria-label="Members">
        <THead className="sticky top-0">
          <tr>
            <Th>Account</Th>
            <Th numeric title="Own risk: from the member's own signals alone, without the cluster">
              Own risk
            </Th>
            <Th
              numeric
              title="Risk shown for the account: its own, or the cluster's when flagged with it"
            >
              With cluster
            </Th>
            <Th>State</Th>
            <Th
              numeric
              title="Independent rare indicators shared with other members (summed rarity weight)"
            >
              Tie
            </Th>
            <Th numeric>Events</Th>
            <Th numeric>Coverage</Th>
            <Th>Reasons</Th>
            <Th>Domain</Th>
            <Th>Last seen</Th>
          </tr>
        </THead>
        <TBody>
          {rows.map((m) => (
            <Tr key={m.account_id} data-testid="member-row">
              <Td>
                <Link
                  className="font-mono text-blue-700 hover:underline"
                  href={`/accounts/${encodeURIComponent(m.account_id)}`}
                >
                  {m.account_id}
                </Link>
              </Td>
              <Td numeric className="font-semibold" data-testid="member-own-risk">
                {m.own_risk.toFixed(2)}
              </Td>
              <Td numeric className={m.flagged ? 'font-semibold text-red-700' : ''}>
                {m.risk === null ? '—' : m.risk.toFixed(2)}
              </Td>
              <Td className="text-xs whitespace-nowrap" data-testid="member-state">
                {STATE_LABEL[m.state]}
              </Td>
              <Td numeric className="whitespace-nowrap">
                {m.tie_kinds} ({m.tie_strength.toFixed(1)})
              </Td>
              <Td numeric>{m.events.toLocaleString('en')}</Td>
              <Td numeric>{m.coverage === null ? '—' : `${(m.coverage * 100).toFixed(0)}%`}</Td>
              <ReasonsCell reasons={m.reasons} />
              <Td truncate max="max-w-40" className="text-xs">
                {m.email_domain ?? '—'}
              </Td>
              <Td className="font-mono text-xs whitespace-nowrap">
                {m.last_seen?.slice(0, 10) ?? '—'}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}

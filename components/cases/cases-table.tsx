'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import type { CaseListRow } from '@/lib/queries/cases-list';
import { BulkBar } from './bulk-bar';
import { SeverityBadge, StatusBadge } from './case-status-badge';

/** One page of cases with row selection for bulk changes. */
export function CasesTable({ rows, canWrite }: { rows: CaseListRow[]; canWrite: boolean }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const picked = rows.filter((r) => selected.has(r.id));
  return (
    <div className="flex flex-col gap-2">
      {canWrite && picked.length > 0 && (
        <BulkBar
          cases={picked.map((r) => ({ id: r.id, version: r.version }))}
          onDone={(n) => {
            setDone(`${n} cases changed`);
            setSelected(new Set());
            router.refresh();
          }}
        />
      )}
      {done && <Alert tone="info">{done}</Alert>}
      <TableFrame>
        <Table>
          <THead>
            <Tr>
              {canWrite && (
                <Th>
                  <input
                    type="checkbox"
                    aria-label="Select all cases on this page"
                    checked={rows.length > 0 && picked.length === rows.length}
                    onChange={(e) =>
                      setSelected(new Set(e.target.checked ? rows.map((r) => r.id) : []))
                    }
                  />
                </Th>
              )}
              <Th>Case</Th>
              <Th>Status</Th>
              <Th>Severity</Th>
              <Th>Assignee</Th>
              <Th numeric>Accounts</Th>
              <Th>Tags</Th>
              <Th>Updated</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.id}>
                {canWrite && (
                  <Td>
                    <input
                      type="checkbox"
                      aria-label={`Select case #${r.number}`}
                      checked={selected.has(r.id)}
                      onChange={() => toggle(r.id)}
                    />
                  </Td>
                )}
                <Td truncate max="max-w-sm">
                  <Link className="text-blue-700 underline" href={`/cases/${r.id}`} title={r.title}>
                    #{r.number} {r.title}
                  </Link>
                  {r.restricted && <span className="ml-1 text-xs text-red-800">(restricted)</span>}
                </Td>
                <Td>
                  <StatusBadge status={r.status} />
                </Td>
                <Td>
                  <SeverityBadge severity={r.severity} />
                </Td>
                <Td>{r.assignee?.name ?? '—'}</Td>
                <Td numeric>{r.accounts}</Td>
                <Td truncate max="max-w-40">
                  {r.tags.join(', ')}
                </Td>
                <Td className="whitespace-nowrap">{r.updated_at.slice(0, 16).replace('T', ' ')}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </TableFrame>
    </div>
  );
}

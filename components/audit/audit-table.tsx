import Link from 'next/link';
import type { AuditEntry } from '@/lib/audit/queries';
import { auditActionLabel } from '@/lib/audit/actions';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from '@/components/ui/table';

function summary(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

export function AuditTable({
  entries,
  nextBefore,
}: {
  entries: AuditEntry[];
  nextBefore: string | null;
}) {
  if (entries.length === 0)
    return (
      <EmptyState title="No audit entries match">
        Every sign-in and change is recorded here.
      </EmptyState>
    );
  return (
    <TableFrame>
      <Table aria-label="Audit log">
        <THead>
          <tr>
            <Th numeric>#</Th>
            <Th>Time (UTC)</Th>
            <Th>Actor</Th>
            <Th>Action</Th>
            <Th>Target</Th>
            <Th>Change</Th>
          </tr>
        </THead>
        <TBody>
          {entries.map((e) => (
            <Tr key={e.id}>
              <Td numeric className="text-slate-600">
                {e.id}
              </Td>
              <Td className="whitespace-nowrap">
                {e.at.toISOString().replace('T', ' ').slice(0, 19)}
              </Td>
              <Td truncate max="max-w-48">
                {e.actor_email ?? '—'}
              </Td>
              <Td className="whitespace-nowrap">
                <div>{auditActionLabel(e.action)}</div>
                <div className="font-mono text-xs text-slate-600">{e.action}</div>
              </Td>
              <Td truncate max="max-w-56">
                {`${e.target_type}${e.target_id ? `:${e.target_id}` : ''}`}
              </Td>
              <Td className="max-w-md font-mono text-xs break-all text-slate-700">
                {e.before != null && <div>before {summary(e.before)}</div>}
                {e.after != null && <div>after {summary(e.after)}</div>}
                {e.reason && <div>reason: {e.reason}</div>}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {nextBefore && (
        <div className="border-t border-slate-200 p-2 text-right">
          <Link className="text-blue-700 hover:underline" href={`?before=${nextBefore}`}>
            Older entries →
          </Link>
        </div>
      )}
    </TableFrame>
  );
}

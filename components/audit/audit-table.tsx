import Link from 'next/link';
import type { AuditEntry } from '@/lib/audit/queries';
import { auditActionLabel } from '@/lib/audit/actions';
import { nameKey, type NameMap } from '@/lib/audit/target-names';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { AuditChange } from './audit-change';

const TARGET_HREF: Record<string, (id: string) => string> = {
  account: (id) => `/accounts/${encodeURIComponent(id)}`,
  case: (id) => `/cases/${id}`,
};

function Target({ e, names }: { e: AuditEntry; names: NameMap }) {
  if (!e.target_id) return <span className="text-slate-600">{e.target_type}</span>;
  const name = names.get(nameKey(e.target_type, e.target_id));
  const href = TARGET_HREF[e.target_type]?.(e.target_id);
  const label = name ?? e.target_id;
  return (
    <>
      <div className="[overflow-wrap:anywhere]">
        {href ? (
          <Link href={href} className="text-blue-700 hover:underline">
            {label}
          </Link>
        ) : (
          label
        )}
      </div>
      <div className="truncate font-mono text-xs text-slate-600" title={e.target_id}>
        {e.target_type}
        {name ? ` · ${e.target_id}` : ''}
      </div>
    </>
  );
}

export function AuditTable({
  entries,
  names,
  nextHref,
}: {
  entries: AuditEntry[];
  names: NameMap;
  /** the same filter, one page older; null on the last page */
  nextHref: string | null;
}) {
  if (entries.length === 0)
    return (
      <EmptyState title="No audit entries match">
        Every sign-in and change is recorded here.
      </EmptyState>
    );
  return (
    <TableFrame>
      <Table aria-label="Audit log" className="table-fixed">
        <colgroup>
          <col className="w-16" />
          <col className="w-40" />
          <col className="w-56" />
          <col className="w-52" />
          <col className="w-60" />
          <col />
        </colgroup>
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
            <Tr key={e.id} data-testid="audit-row" data-action={e.action}>
              <Td numeric className="text-slate-600">
                {e.id}
              </Td>
              <Td className="whitespace-nowrap">
                {e.at.toISOString().replace('T', ' ').slice(0, 19)}
              </Td>
              <Td>
                <div className="[overflow-wrap:anywhere]">
                  {(e.actor_id && names.get(nameKey('user', e.actor_id))?.split(' (')[0]) ??
                    e.actor_email ??
                    '—'}
                </div>
                {e.actor_id && names.has(nameKey('user', e.actor_id)) && (
                  <div className="truncate text-xs text-slate-600" title={e.actor_email ?? ''}>
                    {e.actor_email}
                  </div>
                )}
              </Td>
              <Td>
                <div>{auditActionLabel(e.action)}</div>
                <div className="truncate font-mono text-xs text-slate-600" title={e.action}>
                  {e.action}
                </div>
              </Td>
              <Td>
                <Target e={e} names={names} />
              </Td>
              <Td>
                <AuditChange before={e.before} after={e.after} reason={e.reason} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {nextHref && (
        <div className="border-t border-slate-200 p-2 text-right">
          <Link className="text-blue-700 hover:underline" href={nextHref}>
            Older entries →
          </Link>
        </div>
      )}
    </TableFrame>
  );
}

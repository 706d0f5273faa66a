'use client';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import type { UserRef } from '@/lib/queries/user-refs';
import { CaseActivity } from './case-activity';
import { CASE_PANELS } from './case-panels';
import { SeverityBadge, StatusBadge } from './case-status-badge';
import { useCase, type CasePayload } from './cases-query';
import { WorkflowBar } from './workflow-bar';

/** The case page: header, workflow, then the panels (main column) beside tasks and activity. */
export function CaseWorkspace({
  initial,
  users,
  canWrite,
  canExport = false,
  maxFileBytes,
  viewerId,
  canComment,
  canLegal,
}: {
  initial: CasePayload;
  users: UserRef[];
  canWrite: boolean;
  canExport?: boolean;
  maxFileBytes: number;
  viewerId: string;
  canComment: boolean;
  canLegal: boolean;
}) {
  const { data } = useCase(initial.case.id, initial);
  const c = data.case;
  const props = { c, users, canWrite, maxFileBytes, viewerId, canComment, canLegal };
  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">
          Case #{c.number}: {c.title}
        </h1>
        <StatusBadge status={c.status} />
        <SeverityBadge severity={c.severity} />
        {c.restricted && <Badge tone="danger">restricted</Badge>}
        {c.case_type && <Badge>{c.case_type}</Badge>}
        <span className="text-sm text-slate-700">
          opened by {c.created_by.name} from {c.opened_from.replace('_', ' ')}
          {c.queue_item_id ? ` (queue item ${c.queue_item_id})` : ''}
        </span>
        {canExport && (
          <Link className={buttonClasses({ className: 'ml-auto' })} href={`/cases/${c.id}/export`}>
            Export evidence
          </Link>
        )}
      </header>
      {c.status === 'closed' && c.close_reason && (
        <p className="rounded bg-slate-100 px-3 py-2 text-sm">
          Closed by {c.closed_by?.name ?? 'unknown'}: {c.close_reason}
        </p>
      )}
      <WorkflowBar c={c} canWrite={canWrite} />
      <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,1fr)] gap-4">
        <div className="flex min-w-0 flex-col gap-4">
          {CASE_PANELS.filter((p) => p.column === 'main').map(({ id, Panel }) => (
            <Panel key={id} {...props} />
          ))}
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          {CASE_PANELS.filter((p) => p.column === 'side').map(({ id, Panel }) => (
            <Panel key={id} {...props} />
          ))}
          <CaseActivity entries={data.activity} />
        </div>
      </div>
    </div>
  );
}

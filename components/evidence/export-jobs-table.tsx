'use client';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { useCancelExport, useExports, useRebuildExport } from './exports-query';
import { ExportJobActions } from './export-job-actions';
import { ExportProgress, ExportStatusBadge } from './export-job-status';

const when = (s: string | null) => (s ? s.slice(0, 16).replace('T', ' ') : '—');

/** The packages of one case (or of every case the user may see), newest first, live while building. */
export function ExportJobsTable({ caseId }: { caseId?: string }) {
  const jobs = useExports(caseId);
  const cancel = useCancelExport();
  const rebuild = useRebuildExport();
  if (jobs.isPending) return <Skeleton className="h-24" />;
  if (jobs.error) return <Alert>{jobs.error.message}</Alert>;
  if (jobs.data.exports.length === 0)
    return (
      <EmptyState title="No packages yet">Build one from a case&apos;s Export page.</EmptyState>
    );
  const failure = cancel.error ?? rebuild.error;
  return (
    <div className="space-y-2">
      {failure && <Alert>{failure.message}</Alert>}
      <TableFrame>
        <Table aria-label="Evidence packages">
          <THead>
            <Tr className="border-t-0">
              {!caseId && <Th>Case</Th>}
              <Th>Requested</Th>
              <Th>Options</Th>
              <Th>Status</Th>
              <Th>Progress / result</Th>
              <Th>Package</Th>
            </Tr>
          </THead>
          <TBody>
            {jobs.data.exports.map((j) => (
              <Tr key={j.id} data-testid={`export-${j.id}`}>
                {!caseId && (
                  <Td>
                    <Link className="text-blue-700 underline" href={`/cases/${j.case_id}/export`}>
                      #{j.case_number} {j.case_title}
                    </Link>
                  </Td>
                )}
                <Td className="whitespace-nowrap">
                  {when(j.created_at)}
                  <div className="text-xs text-slate-600">{j.requested_by_email}</div>
                </Td>
                <Td className="text-xs">
                  {j.options.fields === 'full' ? 'full text' : 'hashes only'} ·{' '}
                  {j.options.redact ? 'redacted' : 'not redacted'}
                  <div className="text-slate-600">
                    {j.options.from ?? 'start'} → {j.options.to ?? 'end'}
                  </div>
                  {j.rebuild_of && (
                    <div className="text-slate-600">rebuild of {j.rebuild_of.slice(0, 8)}</div>
                  )}
                </Td>
                <Td>
                  <ExportStatusBadge status={j.status} />
                </Td>
                <Td>
                  <ExportProgress job={j} />
                </Td>
                <Td>
                  <ExportJobActions
                    job={j}
                    busy={cancel.isPending || rebuild.isPending}
                    onCancel={(id) => cancel.mutate(id)}
                    onRebuild={(id) => rebuild.mutate(id)}
                  />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </TableFrame>
    </div>
  );
}

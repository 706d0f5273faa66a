'use client';
import Link from 'next/link';
import type { ExportJobView } from '@/lib/schemas/export';
import { EmptyState, Skeleton } from '@/components/ui/page-header';
import { useCancelExport, useExports } from './exports-query';

const STATUS_STYLE: Record<ExportJobView['status'], string> = {
  queued: 'bg-slate-100 text-slate-700',
  running: 'bg-blue-100 text-blue-800',
  done: 'bg-green-100 text-green-800',
  failed: 'bg-red-100 text-red-800',
  cancelled: 'bg-amber-100 text-amber-900',
};

export const formatBytes = (n: number) =>
  n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
const when = (s: string | null) => (s ? s.slice(0, 16).replace('T', ' ') : '—');

function Progress({ job }: { job: ExportJobView }) {
  const pct = Math.round(job.progress * 100);
  if (job.status === 'done') return <span>{job.events_total.toLocaleString('en-US')} events</span>;
  if (job.status !== 'running') return <span className="text-slate-500">{job.error ?? '—'}</span>;
  return (
    <div className="min-w-48">
      <div
        role="progressbar"
        aria-label={`Build progress of export ${job.id}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2 rounded bg-slate-200"
      >
        <div className="h-2 rounded bg-blue-600" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-0.5 text-xs text-slate-600">
        {job.phase ?? 'starting'} · {job.events_done.toLocaleString('en-US')} of{' '}
        {job.events_total.toLocaleString('en-US')} events ({pct}%)
        {job.cancel_requested && ' · stopping…'}
      </p>
    </div>
  );
}

export function ExportJobsTable({ caseId }: { caseId?: string }) {
  const jobs = useExports(caseId);
  const cancel = useCancelExport();
  if (jobs.isPending) return <Skeleton className="h-24" />;
  if (jobs.error)
    return (
      <p role="alert" className="text-red-700">
        {jobs.error.message}
      </p>
    );
  if (jobs.data.exports.length === 0)
    return (
      <EmptyState title="No packages yet">Build one from a case&apos;s Export page.</EmptyState>
    );
  return (
    <div className="overflow-x-auto">
      {cancel.error && (
        <p role="alert" className="mb-2 text-red-700">
          {cancel.error.message}
        </p>
      )}
      <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {!caseId && <th className="px-3 py-2">Case</th>}
            <th className="px-3 py-2">Requested</th>
            <th className="px-3 py-2">Options</th>
            <th className="px-3 py-2">Status</th>
            <th className="px-3 py-2">Progress / result</th>
            <th className="px-3 py-2">Package</th>
          </tr>
        </thead>
        <tbody>
          {jobs.data.exports.map((j) => (
            <tr
              key={j.id}
              className="border-t border-slate-100 align-top"
              data-testid={`export-${j.id}`}
            >
              {!caseId && (
                <td className="px-3 py-2">
                  <Link className="text-blue-700 underline" href={`/cases/${j.case_id}/export`}>
                    #{j.case_number} {j.case_title}
                  </Link>
                </td>
              )}
              <td className="px-3 py-2 whitespace-nowrap">
                {when(j.created_at)}
                <div className="text-xs text-slate-600">{j.requested_by_email}</div>
              </td>
              <td className="px-3 py-2 text-xs">
                {j.options.fields === 'full' ? 'full text' : 'hashes only'} ·{' '}
                {j.options.redact ? 'redacted' : 'not redacted'}
                <div className="text-slate-600">
                  {j.options.from ?? 'start'} → {j.options.to ?? 'end'}
                </div>
              </td>
              <td className="px-3 py-2">
                <span
                  className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[j.status]}`}
                >
                  {j.status}
                </span>
              </td>
              <td className="px-3 py-2">
                <Progress job={j} />
              </td>
              <td className="px-3 py-2">
                {j.status === 'done' && j.bag_name ? (
                  <div>
                    <a
                      className="text-blue-700 underline"
                      href={`/api/v1/exports/${j.id}/download`}
                      download={j.bag_name}
                    >
                      Download {j.bag_name}
                    </a>
                    <div className="text-xs text-slate-600">
                      {formatBytes(j.bag_bytes ?? 0)} · SHA-256{' '}
                      <code className="break-all">{j.bag_sha256}</code>
                    </div>
                  </div>
                ) : j.status === 'queued' || j.status === 'running' ? (
                  <button
                    className="rounded border border-slate-300 px-2 py-0.5"
                    disabled={j.cancel_requested || cancel.isPending}
                    onClick={() => cancel.mutate(j.id)}
                  >
                    Cancel
                  </button>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

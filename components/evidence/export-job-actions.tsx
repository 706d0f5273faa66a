'use client';
import { Button } from '@/components/ui/button';
import type { ExportJobView } from '@/lib/schemas/export';

export const formatBytes = (n: number) =>
  n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;

/**
 * What can be done with one package: download it when done (the server records each download
 * in the case's custody log), cancel it while it is queued or running, and rebuild it from its
 * cut-off once it has one (a new job with the same options and byte-identical payload).
 */
export function ExportJobActions({
  job,
  onCancel,
  onRebuild,
  busy,
}: {
  job: ExportJobView;
  onCancel: (id: string) => void;
  onRebuild: (id: string) => void;
  busy: boolean;
}) {
  const active = job.status === 'queued' || job.status === 'running';
  return (
    <div className="flex flex-col items-start gap-1">
      {job.status === 'done' && job.bag_name && (
        <>
          <a
            className="text-blue-700 underline"
            href={`/api/v1/exports/${job.id}/download`}
            download={job.bag_name}
          >
            Download {job.bag_name}
          </a>
          <span className="text-xs text-slate-600">
            {formatBytes(job.bag_bytes ?? 0)} · SHA-256{' '}
            <code className="break-all">{job.bag_sha256}</code>
          </span>
        </>
      )}
      <div className="flex gap-2">
        {active && (
          <Button
            size="sm"
            variant="danger"
            disabled={job.cancel_requested || busy}
            onClick={() => onCancel(job.id)}
          >
            Cancel
          </Button>
        )}
        {!active && job.started_at && (
          <Button
            size="sm"
            disabled={busy}
            aria-label={`Rebuild export ${job.id}`}
            onClick={() => onRebuild(job.id)}
          >
            Rebuild
          </Button>
        )}
      </div>
    </div>
  );
}

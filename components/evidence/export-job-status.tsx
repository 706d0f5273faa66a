import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ExportJobView } from '@/lib/schemas/export';

const STATUS_TONE: Record<ExportJobView['status'], BadgeTone> = {
  queued: 'neutral',
  running: 'info',
  done: 'success',
  failed: 'danger',
  cancelled: 'warning',
};

export function ExportStatusBadge({ status }: { status: ExportJobView['status'] }) {
  return <Badge tone={STATUS_TONE[status]}>{status}</Badge>;
}

const n = (x: number) => x.toLocaleString('en-US');

/** A running build's bar and phase; a finished one's event count; otherwise why it stopped. */
export function ExportProgress({ job }: { job: ExportJobView }) {
  const pct = Math.round(job.progress * 100);
  if (job.status === 'done') return <span>{n(job.events_total)} events</span>;
  if (job.status !== 'running') return <span className="text-slate-600">{job.error ?? '—'}</span>;
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
        {job.phase ?? 'starting'} · {n(job.events_done)} of {n(job.events_total)} events ({pct}%)
        {job.cancel_requested && ' · stopping…'}
      </p>
    </div>
  );
}

import Link from 'next/link';
import type { AuditEntry } from '@/lib/audit/queries';
import { EmptyState } from '@/components/ui/page-header';

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
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-500">
          <tr>
            <th className="px-3 py-2">#</th>
            <th className="px-3 py-2">Time (UTC)</th>
            <th className="px-3 py-2">Actor</th>
            <th className="px-3 py-2">Action</th>
            <th className="px-3 py-2">Target</th>
            <th className="px-3 py-2">Change</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-1.5 text-slate-400">{e.id}</td>
              <td className="whitespace-nowrap px-3 py-1.5">
                {e.at.toISOString().replace('T', ' ').slice(0, 19)}
              </td>
              <td className="px-3 py-1.5">{e.actor_email ?? '—'}</td>
              <td className="px-3 py-1.5 font-mono">{e.action}</td>
              <td className="px-3 py-1.5">
                {e.target_type}
                {e.target_id ? `:${e.target_id.slice(0, 40)}` : ''}
              </td>
              <td className="max-w-md px-3 py-1.5 font-mono text-xs text-slate-600">
                {e.before != null && <div>before {summary(e.before)}</div>}
                {e.after != null && <div>after {summary(e.after)}</div>}
                {e.reason && <div>reason: {e.reason}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {nextBefore && (
        <div className="border-t p-2 text-right">
          <Link className="text-blue-700" href={`?before=${nextBefore}`}>
            Older entries →
          </Link>
        </div>
      )}
    </div>
  );
}

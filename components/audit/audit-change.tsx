import { diffPayload } from '@/lib/audit/diff';

// The change column of the audit log: one line per field that differs, "field: old → new",
// wrapping inside the cell instead of raw JSON running off the edge. The reason, when the action
// carries one (a reveal, a settings change), comes last.
export function AuditChange({
  before,
  after,
  reason,
}: {
  before: unknown;
  after: unknown;
  reason: string | null;
}) {
  const lines = diffPayload(before, after);
  return (
    <div className="space-y-0.5 text-xs" data-testid="audit-change">
      {lines.length === 0 && !reason && <span className="text-slate-600">no payload</span>}
      {lines.length > 0 && (
        <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-2 gap-y-0.5">
          {lines.map((l) => (
            <div key={l.path} className="contents" data-kind={l.kind}>
              <dt className="font-mono text-slate-600 [overflow-wrap:anywhere]">{l.path}</dt>
              <dd className="[overflow-wrap:anywhere]">
                {l.kind === 'changed' ? (
                  <>
                    <del className="text-red-800 decoration-red-400">{l.before}</del>
                    <span aria-hidden="true" className="px-1 text-slate-500">
                      →
                    </span>
                    <span className="sr-only"> changed to </span>
                    <ins className="text-emerald-800 no-underline">{l.after}</ins>
                  </>
                ) : l.kind === 'added' ? (
                  <span className="text-slate-800">{l.after}</span>
                ) : (
                  <del className="text-red-800 decoration-red-400">{l.before}</del>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {reason && (
        <p className="[overflow-wrap:anywhere]">
          <span className="font-medium">Reason:</span> {reason}
        </p>
      )}
    </div>
  );
}

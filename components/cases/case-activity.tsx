import { Card } from '@/components/ui/card';
import type { ActivityEntry } from '@/lib/queries/case-activity';
import { CASE_STATUS_LABEL, type CaseStatus } from '@/lib/schemas/case';

/** What one audit row did, in a line (the full payload stays in the audit log). */
function detail(e: ActivityEntry): string {
  const a = e.after ?? {};
  const b = e.before ?? {};
  const st = (s: unknown) => CASE_STATUS_LABEL[s as CaseStatus] ?? String(s);
  switch (e.action) {
    case 'case.status':
    case 'case.close':
      return `${st(a.from)} → ${st(a.status)}`;
    case 'case.update':
      return Object.keys(a)
        .filter((k) => k !== 'version')
        .join(', ');
    case 'case.link_account':
      return String(a.account_id ?? '');
    case 'case.link_cluster':
      return String(a.cluster_id ?? '');
    case 'case.pin_event':
      return `event ${String(a.event_id ?? '')}`;
    case 'case.pin_chart': {
      const ch = (a.chart ?? {}) as Record<string, string>;
      return `${ch.series} of ${ch.account_id}, ${ch.from} to ${ch.to}`;
    }
    case 'case.file_upload':
      return String(a.filename ?? '');
    case 'case.task_add':
    case 'case.task_update':
      return String(a.title ?? '') + (a.done ? ' (done)' : '');
    case 'case.task_remove':
      return String(b.title ?? '');
    case 'case.bulk':
      return `bulk ${String(a.op ?? '')}`;
    case 'case.note_add':
    case 'case.note_edit': {
      const text = String(a.body ?? '').replace(/\s+/g, ' ');
      const n = Array.isArray(a.mention_ids) ? a.mention_ids.length : 0;
      return (text.length > 80 ? `${text.slice(0, 80)}…` : text) + (n ? ` (${n} mentioned)` : '');
    }
    case 'case.note_delete':
      return `note ${String(b.note_id ?? '')}`;
    case 'case.clause_link':
      return `${String(a.code)} version ${String(a.version)} for ${String(a.account_id)}`;
    case 'case.hold_set': {
      const n = Array.isArray(a.account_ids) ? a.account_ids.length : 0;
      return `${n} account${n === 1 ? '' : 's'} held`;
    }
    case 'case.hold_lift':
      return `hold ${String(a.hold_id ?? '')} lifted`;
    case 'case.clause_unlink':
      return `${String(b.code)} version ${String(b.version)} for ${String(b.account_id)}`;
    default:
      return '';
  }
}

/** The case's activity timeline: its audit rows, newest first. */
export function CaseActivity({ entries }: { entries: ActivityEntry[] }) {
  return (
    <Card title="Activity" description="From the audit log; newest first.">
      <ol aria-label="Activity timeline" className="flex flex-col gap-2 text-sm">
        {entries.map((e) => (
          <li key={e.id} className="border-l-2 border-slate-300 pl-2">
            <div>
              <span className="font-medium">{e.label}</span>{' '}
              <span className="text-slate-700">{detail(e)}</span>
            </div>
            {e.reason && <div className="text-slate-700">Reason: {e.reason}</div>}
            <div className="text-xs text-slate-600">
              {e.actor_email ?? 'system'} ·{' '}
              <time dateTime={e.at}>{e.at.slice(0, 19).replace('T', ' ')} UTC</time>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}

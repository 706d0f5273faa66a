'use client';
import { Panel, PanelEmpty, PanelError } from '@/components/charts/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useAnnotations } from './account-query';

const ICON = { star: '★', tag: '#', comment: '💬' } as const;

// Everything analysts marked on this account, newest first (the list a case will link to later).
export function AccountAnnotations({ account }: { account: string }) {
  const q = useAnnotations(account);
  return (
    <Panel
      title="Annotations"
      subtitle="Stars, tags and comments on this account's events"
      h="min-h-48"
      testId="account-annotations"
    >
      {q.isPending ? (
        <Skeleton className="h-32" />
      ) : q.error ? (
        <PanelError error={q.error} />
      ) : q.data.annotations.length === 0 ? (
        <PanelEmpty>No annotations yet. Star, tag or comment an event below the charts.</PanelEmpty>
      ) : (
        <ul
          className="max-h-72 space-y-1 overflow-y-auto text-sm"
          tabIndex={0}
          aria-label="Annotations on this account"
        >
          {q.data.annotations.map((a) => (
            <li key={a.id} className="flex gap-2" data-testid="annotation-item">
              <span aria-hidden className="w-5 text-center">
                {ICON[a.kind]}
              </span>
              <span className="flex-1">
                {a.kind === 'star' ? 'starred' : a.kind === 'tag' ? `tagged #${a.value}` : a.value}
                {a.event_id && (
                  <span className="text-xs text-slate-600">
                    {' '}
                    · event {a.event_id} at {a.event_ts?.slice(0, 19).replace('T', ' ')}
                  </span>
                )}
              </span>
              <span className="text-xs text-slate-600">
                {a.author_email} · {a.created_at.slice(0, 16).replace('T', ' ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

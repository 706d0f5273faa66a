'use client';
import { Panel, PanelEmpty, PanelError } from '@/components/charts/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useAnnotations } from './account-query';
import { AnnotationItem } from './annotation-item';

// Everything analysts marked on this account, newest first (the list a case will link to later).
// Authors edit or delete their own tags and comments here or on the event.
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
          className="max-h-72 divide-y divide-slate-100 overflow-y-auto"
          tabIndex={0}
          aria-label="Annotations on this account"
        >
          {q.data.annotations.map((a) => (
            <AnnotationItem key={a.id} account={account} a={a} showEvent />
          ))}
        </ul>
      )}
    </Panel>
  );
}

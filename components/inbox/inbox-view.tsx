'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { fetchJson } from '@/lib/client/fetch-json';
import { refreshQueries } from '@/lib/client/refresh-queries';
import type { InboxPage, InboxRow } from '@/lib/queries/inbox';
import { inboxKeys } from './inbox-query';

const KIND_LABEL: Record<InboxRow['kind'], string> = {
  mention: 'mention',
  case_assigned: 'case assigned',
  queue_item_assigned: 'queue item assigned',
};

const target = (r: InboxRow) =>
  r.case_id ? `/cases/${r.case_id}` : r.queue_item_id ? '/queues' : null;

/** The inbox list: newest first, one server page at a time; read/unread per entry, all read. */
export function InboxView({ initial, search }: { initial: InboxPage; search: string }) {
  const qc = useQueryClient();
  const { data } = useQuery({
    queryKey: inboxKeys.list(search),
    queryFn: ({ signal }) => fetchJson<InboxPage>(`/api/v1/inbox?${search}`, { signal }),
    initialData: initial,
  });
  const mark = useMutation({
    mutationFn: (body: { ids: string[]; read: boolean } | { all: true }) =>
      fetchJson('/api/v1/inbox', { method: 'PATCH', body: JSON.stringify(body) }),
    onSettled: () => refreshQueries(qc, inboxKeys.all),
  });
  const params = new URLSearchParams(search);
  const pages = Math.max(1, Math.ceil(data.total / data.size));
  const href = (page: number) => {
    const p = new URLSearchParams(params);
    p.set('page', String(page));
    return `/inbox?${p}`;
  };
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>
          {data.unread} unread of {data.total}
        </span>
        <Link
          className="underline"
          href={params.get('unread') === 'true' ? '/inbox' : '/inbox?unread=true'}
        >
          {params.get('unread') === 'true' ? 'Show all' : 'Show unread only'}
        </Link>
        <Button
          size="sm"
          className="ml-auto"
          disabled={data.unread === 0}
          loading={mark.isPending}
          onClick={() => mark.mutate({ all: true })}
        >
          Mark all read
        </Button>
      </div>
      {mark.error && <Alert>{mark.error.message}</Alert>}
      {data.rows.length === 0 ? (
        <EmptyState title="Nothing here">Mentions and assignments to you show up here.</EmptyState>
      ) : (
        <ul
          aria-label="Inbox"
          className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
        >
          {data.rows.map((r) => {
            const to = target(r);
            return (
              <li
                key={r.id}
                className="flex flex-wrap items-center gap-3 px-4 py-2 text-sm"
                data-unread={!r.read_at}
              >
                {!r.read_at && <Badge tone="info">unread</Badge>}
                <Badge>{KIND_LABEL[r.kind]}</Badge>
                {to ? (
                  <Link
                    href={to}
                    className={r.read_at ? 'text-slate-700 underline' : 'font-medium underline'}
                    onClick={() => !r.read_at && mark.mutate({ ids: [r.id], read: true })}
                  >
                    {r.summary}
                  </Link>
                ) : (
                  <span>{r.summary}</span>
                )}
                <span className="text-xs text-slate-600">
                  {r.actor_name ? `${r.actor_name} · ` : ''}
                  <time dateTime={r.created_at}>
                    {r.created_at.slice(0, 16).replace('T', ' ')} UTC
                  </time>
                </span>
                <Button
                  size="sm"
                  variant="ghost"
                  className="ml-auto"
                  onClick={() => mark.mutate({ ids: [r.id], read: !r.read_at })}
                >
                  {r.read_at ? 'Mark unread' : 'Mark read'}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label="Inbox pages" className="flex items-center gap-2 text-sm">
          {data.page > 1 && (
            <Link className={buttonClasses({ size: 'sm' })} href={href(data.page - 1)}>
              Previous
            </Link>
          )}
          <span>
            Page {data.page} of {pages}
          </span>
          {data.page < pages && (
            <Link className={buttonClasses({ size: 'sm' })} href={href(data.page + 1)}>
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

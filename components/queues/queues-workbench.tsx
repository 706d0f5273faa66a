'use client';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { EmptyState, Skeleton } from '@/components/ui/page-header';
import { ZItemListQuery } from '@/lib/schemas/queue';
import { parseUrlQuery } from '@/lib/schemas/url-query';
import { BulkBar } from './bulk-bar';
import { QueueItemsTable } from './queue-items-table';
import { QueueSummaries } from './queue-summaries';
import {
  useClaimNext,
  useItemAction,
  useOpenCase,
  useQueueItems,
  useQueueSummaries,
} from './queues-query';
import { subjectHref } from './format';
import { QueueFilters } from './queue-filters';

/** The Queues screen: depth per queue, claim next, and the items table (filters in the URL). */
export function QueuesWorkbench({ userId, isAdmin }: { userId: string; isAdmin: boolean }) {
  const sp = useSearchParams();
  const router = useRouter();
  const path = usePathname();
  const { query: q, hints } = parseUrlQuery(ZItemListQuery, Object.fromEntries(sp));
  const setParam = (k: string, v: string | null) => {
    const next = new URLSearchParams(sp);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    router.replace(`${path}?${next}`);
  };
  const summaries = useQueueSummaries();
  const items = useQueueItems(q);
  const claim = useClaimNext();
  const act = useItemAction();
  const openCase = useOpenCase();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const queues = summaries.data?.queues ?? [];
  const mine = queues.filter((x) => x.is_member);
  const input = 'rounded border border-slate-300 px-2 py-1';

  if (summaries.isPending) return <Skeleton />;
  if (summaries.error)
    return (
      <p role="alert" className="text-red-700">
        {summaries.error.message}
      </p>
    );
  if (queues.length === 0)
    return (
      <EmptyState title={isAdmin ? 'No queues yet' : 'You are not a member of any queue'}>
        {isAdmin ? (
          <>
            Create one under{' '}
            <Link className="text-blue-700 underline" href="/admin/queues">
              Admin → Queues
            </Link>
            .
          </>
        ) : (
          'An admin adds you to a review queue; its items then appear here.'
        )}
      </EmptyState>
    );
  const page = items.data;
  const pages = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  return (
    <div className="space-y-4">
      <QueueSummaries queues={queues} />
      <section
        aria-label="Claim next"
        className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-3"
      >
        <button
          className="rounded bg-slate-900 px-3 py-1.5 text-white disabled:opacity-50"
          disabled={claim.isPending || mine.length === 0}
          onClick={() =>
            claim.mutate(q.queue && mine.some((m) => m.id === q.queue) ? { queueId: q.queue } : {})
          }
        >
          Claim next
        </button>
        <span className="text-sm text-slate-700">
          {mine.length === 0
            ? 'You are not a member of any queue, so you cannot claim.'
            : `Highest-priority, oldest unclaimed item of ${q.queue && mine.some((m) => m.id === q.queue) ? 'this queue' : `your ${mine.length} queue${mine.length === 1 ? '' : 's'}`}.`}
        </span>
        {claim.data?.item && (
          <p role="status" className="text-sm">
            Claimed {claim.data.item.subject_type}{' '}
            <Link
              className="font-mono text-blue-700 underline"
              href={subjectHref(claim.data.item.subject_type, claim.data.item.subject_id)}
            >
              {claim.data.item.subject_id}
            </Link>
          </p>
        )}
        {claim.data && !claim.data.item && (
          <p role="status" className="text-sm text-slate-700">
            Nothing to claim: every item of your queues is claimed or snoozed.
          </p>
        )}
        {claim.error && (
          <p role="alert" className="text-sm text-red-700">
            {claim.error.message}
          </p>
        )}
      </section>
      <QueueFilters q={q} hints={hints} queues={queues} setParam={setParam} />
      <p className="text-sm text-slate-700" aria-live="polite">
        {page ? `${page.total.toLocaleString('en')} item${page.total === 1 ? '' : 's'}` : ''}
      </p>
      {selected.size > 0 && (
        <BulkBar ids={[...selected]} queues={queues} onDone={() => setSelected(new Set())} />
      )}
      {openCase.data && (
        <p role="status" className="text-sm">
          Case{' '}
          <Link className="text-blue-700 underline" href={`/cases/${openCase.data.caseId}`}>
            #{openCase.data.caseNumber}
          </Link>{' '}
          opened; the item is decided.
        </p>
      )}
      {openCase.error && (
        <p role="alert" className="text-red-700">
          {openCase.error.message}
        </p>
      )}
      {act.error && (
        <p role="alert" className="text-red-700">
          {act.error.message}
        </p>
      )}
      {!page ? (
        <Skeleton />
      ) : page.rows.length === 0 ? (
        <EmptyState title="No items match these filters" />
      ) : (
        <QueueItemsTable
          rows={page.rows}
          selected={selected}
          onToggle={(id) =>
            setSelected((s) => {
              const n = new Set(s);
              if (n.has(id)) n.delete(id);
              else n.add(id);
              return n;
            })
          }
          onToggleAll={(on) => setSelected(on ? new Set(page.rows.map((r) => r.id)) : new Set())}
          renderActions={(r) =>
            r.status === 'open' && (r.assignee_id === userId || (isAdmin && r.assignee_id)) ? (
              <>
                <button
                  className="rounded border border-slate-300 px-2 py-0.5"
                  onClick={() => act.mutate({ id: r.id, action: 'release' })}
                >
                  Release
                </button>
                <button
                  className="rounded border border-slate-300 px-2 py-0.5"
                  onClick={() => {
                    const title = window.prompt(
                      'Case title',
                      `Review ${r.subject_type} ${r.subject_id}`,
                    );
                    if (title?.trim()) openCase.mutate({ id: r.id, title });
                  }}
                >
                  Open case
                </button>
                <button
                  className="rounded border border-slate-300 px-2 py-0.5"
                  onClick={() => {
                    const reason = window.prompt('Why does this need no action?');
                    if (reason?.trim())
                      act.mutate({ id: r.id, action: 'resolve', resolution: 'no_action', reason });
                  }}
                >
                  Close, no action
                </button>
              </>
            ) : null
          }
        />
      )}
      {page && pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          <button
            className={input}
            disabled={q.page <= 1}
            onClick={() => setParam('page', String(q.page - 1))}
          >
            Previous
          </button>
          <span>
            Page {q.page} of {pages}
          </span>
          <button
            className={input}
            disabled={q.page >= pages}
            onClick={() => setParam('page', String(q.page + 1))}
          >
            Next
          </button>
        </nav>
      )}
    </div>
  );
}

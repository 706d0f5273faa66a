'use client';
import { useState } from 'react';
import { PanelEmpty, PanelError } from '@/components/charts/panel';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import type { AnnotationDto } from '@/lib/schemas/annotation';
import { useAnnotations, useEventPage } from './account-query';
import { EventRow } from './event-row';

// Events of the brushed window, 25 per page in the chosen order, keyset cursors kept in a stack
// for "previous".
export function EventList({
  account,
  from,
  to,
  order,
  canAnnotate,
  canReveal,
}: {
  account: string;
  from: string;
  to: string;
  order: 'desc' | 'asc';
  canAnnotate: boolean;
  canReveal: boolean;
}) {
  const [cursors, setCursors] = useState<{ key: string; stack: (string | null)[] }>({
    key: '',
    stack: [null],
  });
  const windowKey = `${from}|${to}|${order}`;
  const stack = cursors.key === windowKey ? cursors.stack : [null];
  const page = useEventPage(account, from, to, order, stack[stack.length - 1]);
  const notes = useAnnotations(account);
  const byEvent = new Map<string, AnnotationDto[]>();
  for (const a of notes.data?.annotations ?? [])
    if (a.event_id) byEvent.set(a.event_id, [...(byEvent.get(a.event_id) ?? []), a]);

  return (
    <section
      aria-label="Events in window"
      className="min-h-72 rounded-lg border border-slate-200 bg-white"
      data-testid="events"
    >
      <header className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
        <h2 className="font-semibold">Events in window</h2>
        <p className="text-xs text-slate-600">
          Prompt text is redacted (emails, phone numbers, keys)
          {canReveal ? '; revealing is logged in the audit log' : ''}.
        </p>
      </header>
      {page.isPending ? (
        <div className="p-3">
          <Skeleton className="h-56" />
        </div>
      ) : page.error ? (
        <div className="p-3">
          <PanelError error={page.error} />
        </div>
      ) : page.data.events.length === 0 ? (
        <div className="p-3">
          <PanelEmpty>No events in this window.</PanelEmpty>
        </div>
      ) : (
        <ol className={`divide-y divide-slate-100 ${page.isPlaceholderData ? 'opacity-60' : ''}`}>
          {page.data.events.map((e) => (
            <EventRow
              key={`${e.id}|${e.ts}`}
              account={account}
              event={e}
              notes={byEvent.get(e.id) ?? []}
              canAnnotate={canAnnotate}
              canReveal={canReveal}
            />
          ))}
        </ol>
      )}
      <footer className="flex justify-end gap-2 border-t border-slate-100 px-3 py-2 text-sm">
        <Button
          size="sm"
          disabled={stack.length <= 1}
          onClick={() => setCursors({ key: windowKey, stack: stack.slice(0, -1) })}
        >
          ← Previous
        </Button>
        <Button
          size="sm"
          disabled={!page.data?.next}
          onClick={() =>
            page.data?.next && setCursors({ key: windowKey, stack: [...stack, page.data.next] })
          }
        >
          Next →
        </Button>
      </footer>
    </section>
  );
}

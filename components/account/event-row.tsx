'use client';
import { useState } from 'react';
import type { EventRow as EventDto } from '@/lib/queries/account-events';
import type { AnnotationDto } from '@/lib/schemas/annotation';
import { useReveal } from './account-query';
import { AnnotateBar } from './annotate-bar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';

export function EventRow({
  account,
  event: e,
  notes,
  canAnnotate,
  canReveal,
}: {
  account: string;
  event: EventDto;
  notes: AnnotationDto[];
  canAnnotate: boolean;
  canReveal: boolean;
}) {
  const reveal = useReveal();
  const [open, setOpen] = useState(false);
  const full = reveal.data?.event;
  const starred = notes.some((n) => n.kind === 'star');
  return (
    <li className="px-3 py-2 text-sm" data-testid="event-row" data-event-id={e.id}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
        {starred && (
          <span aria-label="starred" className="text-amber-700">
            ★
          </span>
        )}
        <time dateTime={e.ts} className="font-mono">
          {e.ts.slice(0, 19).replace('T', ' ')}
        </time>
        <span>{e.model}</span>
        <Badge>{e.bucket}</Badge>
        <span className="tabular-nums">
          {e.input_tokens ?? '—'} → {e.output_tokens ?? '—'} tok
        </span>
        {e.finish_reason && <span>{e.finish_reason}</span>}
        {e.reasoning && <span className="text-pink-700">reasoning</span>}
        {e.thinking && <span className="text-amber-700">thinking</span>}
        {e.masked > 0 && !full && <span>{e.masked} masked</span>}
      </div>
      <p className="mt-1 whitespace-pre-wrap break-words" data-testid="prompt">
        {full ? full.prompt : e.prompt}
      </p>
      {open && (full?.response ?? e.response) && (
        <p className="mt-1 whitespace-pre-wrap break-words border-l-2 border-slate-200 pl-2 text-slate-600">
          {full?.response ?? e.response}
        </p>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-2">
        {(e.response || full?.response) && (
          <Button variant="ghost" size="sm" onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide response' : 'Show response'}
          </Button>
        )}
        {canReveal && !full && (
          <Button
            variant="ghost"
            size="sm"
            loading={reveal.isPending}
            onClick={() => reveal.mutate({ account_id: account, event_id: e.id, event_ts: e.ts })}
          >
            Reveal full text (logged)
          </Button>
        )}
        {reveal.error && (
          <span role="alert" className="text-xs text-red-700">
            {reveal.error.message}
          </span>
        )}
      </div>
      <AnnotateBar
        account={account}
        eventId={e.id}
        eventTs={e.ts}
        notes={notes}
        canAnnotate={canAnnotate}
      />
    </li>
  );
}

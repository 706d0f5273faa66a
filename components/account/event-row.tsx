'use client';
import { useState } from 'react';
import type { EventRow as EventDto } from '@/lib/queries/account-events';
import type { AnnotationDto } from '@/lib/schemas/annotation';
import type { RevealedEvent } from '@/lib/events/reveal';
import { RevealControl } from './reveal-control';
import { AnnotateBar } from './annotate-bar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { StarIcon } from '@/components/ui/icons';

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
  const [full, setFull] = useState<RevealedEvent | null>(null);
  const [open, setOpen] = useState(false);
  const starred = notes.some((n) => n.kind === 'star');
  return (
    <li className="px-3 py-2 text-sm" data-testid="event-row" data-event-id={e.id}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
        {starred && (
          <span role="img" aria-label="starred" className="text-amber-700">
            <StarIcon className="h-3.5 w-3.5" filled />
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
        {canReveal && !full && e.masked > 0 && (
          <RevealControl account={account} eventId={e.id} eventTs={e.ts} onRevealed={setFull} />
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

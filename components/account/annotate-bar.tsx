'use client';
import { useState } from 'react';
import type { AnnotationDto } from '@/lib/schemas/annotation';
import { useAddAnnotation, useRemoveAnnotation } from './account-query';

// Star / tag / comment controls for one event, and the annotations already on it. Read-only roles
// (legal) see the annotations but not the controls; the API refuses them anyway.
export function AnnotateBar({
  account,
  eventId,
  eventTs,
  notes,
  canAnnotate,
}: {
  account: string;
  eventId: string;
  eventTs: string;
  notes: AnnotationDto[];
  canAnnotate: boolean;
}) {
  const add = useAddAnnotation(account);
  const remove = useRemoveAnnotation(account);
  const [mode, setMode] = useState<'tag' | 'comment' | null>(null);
  const [text, setText] = useState('');
  const myStar = notes.find((n) => n.kind === 'star');
  const target = {
    subject_type: 'event' as const,
    account_id: account,
    event_id: eventId,
    event_ts: eventTs,
  };
  const submit = () => {
    if (!mode || !text.trim()) return;
    add.mutate(
      { ...target, kind: mode, value: text },
      {
        onSuccess: () => {
          setText('');
          setMode(null);
        },
      },
    );
  };
  return (
    <div className="mt-1 space-y-1">
      <ul className="flex flex-wrap gap-1.5 text-xs" aria-label="Annotations">
        {notes
          .filter((n) => n.kind === 'tag')
          .map((n) => (
            <li key={n.id} className="rounded-full bg-blue-50 px-2 text-blue-800">
              #{n.value}
            </li>
          ))}
        {notes
          .filter((n) => n.kind === 'comment')
          .map((n) => (
            <li
              key={n.id}
              className="w-full rounded bg-slate-50 px-2 py-1 text-slate-700"
              data-testid="comment"
            >
              <span className="text-slate-400">
                {n.author_email} · {n.created_at.slice(0, 16).replace('T', ' ')}:
              </span>{' '}
              {n.value}
            </li>
          ))}
      </ul>
      {canAnnotate && (
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <button
            type="button"
            aria-pressed={Boolean(myStar)}
            className="rounded border border-slate-300 px-2 py-0.5"
            onClick={() =>
              myStar ? remove.mutate(myStar.id) : add.mutate({ ...target, kind: 'star' })
            }
          >
            {myStar ? '★ Starred' : '☆ Star'}
          </button>
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-0.5"
            onClick={() => setMode(mode === 'tag' ? null : 'tag')}
          >
            Tag
          </button>
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-0.5"
            onClick={() => setMode(mode === 'comment' ? null : 'comment')}
          >
            Comment
          </button>
          {mode && (
            <form
              className="flex flex-1 gap-2"
              onSubmit={(ev) => {
                ev.preventDefault();
                submit();
              }}
            >
              <input
                autoFocus
                aria-label={mode === 'tag' ? 'Tag' : 'Comment'}
                value={text}
                onChange={(ev) => setText(ev.target.value)}
                maxLength={mode === 'tag' ? 40 : 4000}
                placeholder={mode === 'tag' ? 'e.g. sweep' : 'What does this show?'}
                className="min-w-40 flex-1 rounded border border-slate-300 px-2 py-0.5"
              />
              <button
                disabled={add.isPending}
                className="rounded bg-slate-900 px-2 py-0.5 text-white"
              >
                Save
              </button>
            </form>
          )}
          {(add.error || remove.error) && (
            <span role="alert" className="text-red-700">
              {(add.error ?? remove.error)?.message}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

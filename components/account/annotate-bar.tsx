'use client';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/form-controls';
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
            <li key={n.id}>
              <Badge tone="info">#{n.value}</Badge>
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
              <span className="text-slate-600">
                {n.author_email} · {n.created_at.slice(0, 16).replace('T', ' ')}:
              </span>{' '}
              {n.value}
            </li>
          ))}
      </ul>
      {canAnnotate && (
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <Button
            size="sm"
            aria-pressed={Boolean(myStar)}
            onClick={() =>
              myStar ? remove.mutate(myStar.id) : add.mutate({ ...target, kind: 'star' })
            }
          >
            {myStar ? '★ Starred' : '☆ Star'}
          </Button>
          <Button
            size="sm"
            aria-pressed={mode === 'tag'}
            onClick={() => setMode(mode === 'tag' ? null : 'tag')}
          >
            Tag
          </Button>
          <Button
            size="sm"
            aria-pressed={mode === 'comment'}
            onClick={() => setMode(mode === 'comment' ? null : 'comment')}
          >
            Comment
          </Button>
          {mode && (
            <form
              className="flex flex-1 gap-2"
              onSubmit={(ev) => {
                ev.preventDefault();
                submit();
              }}
            >
              <Input
                autoFocus
                aria-label={mode === 'tag' ? 'Tag' : 'Comment'}
                value={text}
                onChange={(ev) => setText(ev.target.value)}
                maxLength={mode === 'tag' ? 40 : 4000}
                placeholder={mode === 'tag' ? 'e.g. sweep' : 'What does this show?'}
                controlSize="sm"
                className="min-w-40 flex-1"
              />
              <Button type="submit" size="sm" variant="primary" loading={add.isPending}>
                Save
              </Button>
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

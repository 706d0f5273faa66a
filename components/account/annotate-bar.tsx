'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { StarIcon } from '@/components/ui/icons';
import type { AnnotationDto } from '@/lib/schemas/annotation';
import { useAddAnnotation, useRemoveAnnotation } from './account-query';
import { AnnotationItem } from './annotation-item';
import { AnnotationTextForm } from './annotation-text-form';
import { useViewerId } from './viewer';

// Star / tag / comment controls for one event, and the tags and comments already on it. Read-only
// roles (legal) see the annotations but not the controls; the API refuses them anyway.
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
  const me = useViewerId();
  const add = useAddAnnotation(account);
  const remove = useRemoveAnnotation(account);
  const [mode, setMode] = useState<'tag' | 'comment' | null>(null);
  const myStar = notes.find((n) => n.kind === 'star' && n.author_id === me);
  const target = {
    subject_type: 'event' as const,
    account_id: account,
    event_id: eventId,
    event_ts: eventTs,
  };
  const texts = notes.filter((n) => n.kind !== 'star');
  return (
    <div className="mt-1 space-y-1">
      {texts.length > 0 && (
        <ul className="rounded bg-slate-50 px-2" aria-label="Annotations">
          {texts.map((n) => (
            <AnnotationItem key={n.id} account={account} a={n} />
          ))}
        </ul>
      )}
      {canAnnotate && (
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <Button
            size="sm"
            aria-pressed={Boolean(myStar)}
            onClick={() =>
              myStar ? remove.mutate(myStar.id) : add.mutate({ ...target, kind: 'star' })
            }
          >
            <StarIcon className="h-3.5 w-3.5" filled={Boolean(myStar)} />
            {myStar ? 'Starred' : 'Star'}
          </Button>
          {(['tag', 'comment'] as const).map((k) => (
            <Button
              key={k}
              size="sm"
              aria-pressed={mode === k}
              onClick={() => setMode(mode === k ? null : k)}
            >
              {k === 'tag' ? 'Tag' : 'Comment'}
            </Button>
          ))}
          {mode && (
            <AnnotationTextForm
              key={mode}
              kind={mode}
              pending={add.isPending}
              serverError={add.error?.message}
              onCancel={() => setMode(null)}
              onSubmit={(value, done) =>
                add.mutate(
                  { ...target, kind: mode, value },
                  {
                    onSuccess: () => {
                      done();
                      setMode(null);
                    },
                  },
                )
              }
            />
          )}
          {remove.error && (
            <span role="alert" className="text-red-700">
              {remove.error.message}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

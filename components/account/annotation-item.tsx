'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CommentIcon, PencilIcon, StarIcon, TagIcon, TrashIcon } from '@/components/ui/icons';
import type { AnnotationDto } from '@/lib/schemas/annotation';
import { useEditAnnotation, useRemoveAnnotation } from './account-query';
import { AnnotationTextForm } from './annotation-text-form';
import { useViewerId } from './viewer';

const ICON = { star: StarIcon, tag: TagIcon, comment: CommentIcon } as const;
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

// One annotation: what it says (long unbroken text wraps inside the row), who wrote it and when,
// and for its author Edit (tags and comments) and Delete. Stars are removed with the Star toggle.
export function AnnotationItem({
  account,
  a,
  showEvent = false,
}: {
  account: string;
  a: AnnotationDto;
  showEvent?: boolean;
}) {
  const me = useViewerId();
  const edit = useEditAnnotation(account);
  const remove = useRemoveAnnotation(account);
  const [editing, setEditing] = useState(false);
  const Icon = ICON[a.kind];
  const mine = me === a.author_id && a.kind !== 'star';
  return (
    <li
      className="flex min-w-0 gap-2 py-1 text-sm"
      data-testid="annotation-item"
      data-kind={a.kind}
    >
      <Icon className="mt-0.5 h-4 w-4 shrink-0 text-slate-600" filled={a.kind === 'star'} />
      <div className="min-w-0 flex-1">
        {editing && a.kind !== 'star' ? (
          <AnnotationTextForm
            kind={a.kind}
            initial={a.value ?? ''}
            pending={edit.isPending}
            serverError={edit.error?.message}
            onCancel={() => setEditing(false)}
            onSubmit={(value) =>
              edit.mutate({ id: a.id, value }, { onSuccess: () => setEditing(false) })
            }
          />
        ) : (
          <p className="whitespace-pre-wrap [overflow-wrap:anywhere]" data-testid="annotation-text">
            {a.kind === 'star' ? 'starred' : a.kind === 'tag' ? `tagged #${a.value}` : a.value}
          </p>
        )}
        <p className="text-xs text-slate-600">
          {a.author_email} · {when(a.created_at)}
          {a.updated_at && (
            <>
              {' · '}
              <span
                data-testid="annotation-edited"
                title={`edited ${when(a.updated_at)} UTC`}
                className="underline decoration-dotted"
              >
                edited
              </span>
            </>
          )}
          {showEvent && a.event_id && (
            <>
              {' '}
              · event {a.event_id} at {a.event_ts?.slice(0, 19).replace('T', ' ')}
            </>
          )}
        </p>
        {remove.error && (
          <p role="alert" className="text-xs text-red-700">
            {remove.error.message}
          </p>
        )}
      </div>
      {mine && !editing && (
        <div className="flex shrink-0 items-start gap-1">
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Edit ${a.kind}`}
            title="Edit"
            onClick={() => setEditing(true)}
          >
            <PencilIcon className="h-3.5 w-3.5" />
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Delete ${a.kind}`}
            title="Delete"
            loading={remove.isPending}
            onClick={() => remove.mutate(a.id)}
          >
            <TrashIcon className="h-3.5 w-3.5" />
          </Button>
        </div>
      )}
    </li>
  );
}

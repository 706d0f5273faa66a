'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/form-controls';
import type { CaseNoteView } from '@/lib/queries/case-notes';

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** One note: its sanitised HTML, who wrote it and whom it mentions; the author edits or deletes. */
export function NoteItem({
  n,
  mine,
  onSave,
  onDelete,
  busy,
}: {
  n: CaseNoteView;
  mine: boolean;
  onSave: (body: string) => Promise<unknown>;
  onDelete: () => void;
  busy: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <li className="border-l-2 border-slate-300 pl-3" aria-label={`Note by ${n.author.name}`}>
      <div className="flex flex-wrap items-baseline gap-2 text-xs text-slate-600">
        <span className="font-medium text-slate-800">{n.author.name}</span>
        <time dateTime={n.created_at}>{when(n.created_at)}</time>
        {n.edited_at && <span>(edited {when(n.edited_at)})</span>}
        {mine && editing === null && (
          <span className="ml-auto flex gap-1">
            <Button size="sm" variant="ghost" onClick={() => setEditing(n.markdown)}>
              Edit
            </Button>
            <Button size="sm" variant="ghost" onClick={onDelete} loading={busy}>
              Delete
            </Button>
          </span>
        )}
      </div>
      {editing === null ? (
        // The HTML was rendered from Markdown and sanitised on the server (lib/cases/markdown.ts:
        // no raw HTML, no script, no event handlers, only http(s)/mailto links).
        <div className="note-body text-sm" dangerouslySetInnerHTML={{ __html: n.html }} />
      ) : (
        <form
          aria-label="Edit note"
          className="mt-1 flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            // On failure the edit stays in the box (nothing typed is lost).
            void onSave(editing).then(
              () => setEditing(null),
              () => undefined,
            );
          }}
        >
          <Textarea
            aria-label="Note text"
            rows={4}
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" loading={busy}>
              Save
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setEditing(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {n.mentions.length > 0 && (
        <div className="text-xs text-slate-600">
          Mentioned: {n.mentions.map((u) => u.name).join(', ')}
        </div>
      )}
    </li>
  );
}

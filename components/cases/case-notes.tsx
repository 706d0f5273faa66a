'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Select, Textarea } from '@/components/ui/form-controls';
import { Skeleton } from '@/components/ui/skeleton';
import { fetchJson } from '@/lib/client/fetch-json';
import type { CaseNoteView } from '@/lib/queries/case-notes';
import type { UserRef } from '@/lib/queries/user-refs';
import { NOTE_MAX_BYTES } from '@/lib/schemas/note';
import { caseKeys, sendJson, useCaseMutation } from './cases-query';
import { NoteItem } from './note-item';

interface Saved {
  note: { id: string; mentions: string[]; ignored: { mention: string; reason: string }[] };
}

/** Notes in Markdown with @mentions; mentions of people who cannot see the case are reported. */
export function CaseNotes({
  caseId,
  viewerId,
  canComment,
}: {
  caseId: string;
  viewerId: string;
  canComment: boolean;
}) {
  const [draft, setDraft] = useState('');
  const [ignored, setIgnored] = useState<Saved['note']['ignored']>([]);
  const notes = useQuery({
    queryKey: caseKeys.notes(caseId),
    queryFn: ({ signal }) =>
      fetchJson<{ notes: CaseNoteView[] }>(`/api/v1/cases/${caseId}/notes`, { signal }),
  });
  const people = useQuery({
    queryKey: caseKeys.mentionable(caseId),
    queryFn: ({ signal }) =>
      fetchJson<{ users: UserRef[] }>(`/api/v1/cases/${caseId}/mentionable`, { signal }),
    enabled: canComment,
    staleTime: 60_000,
  });
  const save = useCaseMutation(
    caseId,
    (v: { id?: string; body: string }) =>
      v.id
        ? sendJson<Saved>(`/api/v1/cases/${caseId}/notes/${v.id}`, 'PATCH', { body: v.body })
        : sendJson<Saved>(`/api/v1/cases/${caseId}/notes`, 'POST', { body: v.body }),
    (r, v) => {
      setIgnored(r.note.ignored);
      if (!v.id) setDraft('');
    },
    caseKeys.notes(caseId),
  );
  const remove = useCaseMutation(
    caseId,
    (id: string) => sendJson(`/api/v1/cases/${caseId}/notes/${id}`, 'DELETE'),
    undefined,
    caseKeys.notes(caseId),
  );
  const bytes = new TextEncoder().encode(draft).length;
  const mention = (u: UserRef) => {
    const local = u.email.split('@')[0]!;
    const unique = (people.data?.users ?? []).filter((x) => x.email.startsWith(`${local}@`));
    setDraft(
      (d) => `${d}${d && !d.endsWith(' ') ? ' ' : ''}@${unique.length > 1 ? u.email : local} `,
    );
  };
  const error = save.error ?? remove.error;
  return (
    <Card title="Notes" description="Markdown; @name mentions notify people who can see the case.">
      {notes.isPending ? (
        <Skeleton className="h-16" />
      ) : notes.data?.notes.length ? (
        <ol aria-label="Notes" className="flex flex-col gap-3">
          {notes.data.notes.map((n) => (
            <NoteItem
              key={n.id}
              n={n}
              mine={canComment && n.author.id === viewerId}
              busy={save.isPending || remove.isPending}
              onSave={(body) => save.mutateAsync({ id: n.id, body })}
              onDelete={() => remove.mutate(n.id)}
            />
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">No notes yet.</p>
      )}
      {canComment && (
        <form
          aria-label="Add a note"
          className="mt-3 flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) save.mutate({ body: draft });
          }}
        >
          <Textarea
            aria-label="New note"
            placeholder="Write a note in Markdown; @name to mention someone"
            rows={4}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="flex flex-wrap items-center gap-2">
            <Select
              aria-label="Mention someone"
              controlSize="sm"
              value=""
              onChange={(e) => {
                const u = people.data?.users.find((x) => x.id === e.target.value);
                if (u) mention(u);
              }}
            >
              <option value="">Mention…</option>
              {(people.data?.users ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </Select>
            <span
              className={bytes > NOTE_MAX_BYTES ? 'text-xs text-red-800' : 'text-xs text-slate-600'}
            >
              {(bytes / 1024).toFixed(1)} of {NOTE_MAX_BYTES / 1024} kB
            </span>
            <Button type="submit" size="sm" className="ml-auto" loading={save.isPending}>
              Add note
            </Button>
          </div>
        </form>
      )}
      {ignored.length > 0 && (
        <Alert tone="info" className="mt-2">
          Not notified: {ignored.map((i) => `${i.mention} (${i.reason})`).join('; ')}
        </Alert>
      )}
      {error && <Alert className="mt-2">{error.message}</Alert>}
    </Card>
  );
}

'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useDeleteView, useSaveView, useSavedViews } from './accounts-query';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/form-controls';

// Personal named views: each is just the table's URL search string.
export function SavedViews({ search }: { search: string }) {
  const views = useSavedViews();
  const save = useSaveView();
  const del = useDeleteView();
  const [name, setName] = useState('');
  return (
    <div
      className="mb-3 flex min-h-8 flex-wrap items-center gap-2 text-sm"
      aria-label="Saved views"
    >
      <span className="text-slate-600">Views:</span>
      <Link href="/accounts" className="rounded-full border border-slate-400 px-2 py-0.5">
        All
      </Link>
      {views.data?.views.map((v) => (
        <span key={v.id} className="inline-flex items-center rounded-full border border-slate-400">
          <Link href={`/accounts${v.query}`} className="px-2 py-0.5">
            {v.name}
          </Link>
          <button
            type="button"
            aria-label={`Delete view ${v.name}`}
            className="pr-2 text-slate-600 hover:text-red-700"
            onClick={() => del.mutate(v.id)}
          >
            ×
          </button>
        </span>
      ))}
      <form
        className="ml-auto flex gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) save.mutate({ name, query: search }, { onSuccess: () => setName('') });
        }}
      >
        <Input
          controlSize="sm"
          aria-label="View name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Save this view as…"
          maxLength={80}
        />
        <Button type="submit" size="sm" loading={save.isPending}>
          Save
        </Button>
      </form>
      {(views.error || save.error || del.error) && (
        <span role="alert" className="text-red-700">
          {(views.error ?? save.error ?? del.error)?.message}
        </span>
      )}
    </div>
  );
}

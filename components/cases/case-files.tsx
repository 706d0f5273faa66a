'use client';
import { useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { fetchJson } from '@/lib/client/fetch-json';
import type { CaseDetail } from '@/lib/queries/case';
import { CASE_FILE_TYPES } from '@/lib/schemas/case';
import { useCaseMutation } from './cases-query';

const size = (n: number) =>
  n < 1024
    ? `${n} B`
    : n < 1048576
      ? `${(n / 1024).toFixed(1)} KiB`
      : `${(n / 1048576).toFixed(1)} MiB`;

/** Uploaded files with their SHA-256; the server enforces the size limit and the type list. */
export function CaseFiles({
  c,
  canWrite,
  maxBytes,
}: {
  c: CaseDetail;
  canWrite: boolean;
  maxBytes: number;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [early, setEarly] = useState<string | null>(null);
  const upload = useCaseMutation(
    c.id,
    (f: File) => {
      const body = new FormData();
      body.set('file', f);
      return fetchJson(`/api/v1/cases/${c.id}/files`, { method: 'POST', body });
    },
    () => {
      if (input.current) input.current.value = '';
    },
  );
  return (
    <Card
      title={`Files (${c.files.length})`}
      description={`Up to ${size(maxBytes)} each; stored with their SHA-256.`}
    >
      <ul aria-label="Case files" className="flex flex-col gap-1 text-sm">
        {c.files.map((f) => (
          <li key={f.id} className="flex flex-wrap items-baseline gap-x-2">
            <a className="text-blue-700 underline" href={`/api/v1/cases/${c.id}/files/${f.id}`}>
              {f.filename}
            </a>
            <span className="text-slate-700">{size(f.size_bytes)}</span>
            <span className="font-mono text-xs text-slate-700" title={f.sha256}>
              sha256 {f.sha256.slice(0, 16)}…
            </span>
          </li>
        ))}
      </ul>
      {canWrite && (
        <form
          aria-label="Upload a file"
          className="mt-2 flex items-center gap-2 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            const f = input.current?.files?.[0];
            setEarly(null);
            if (!f) return setEarly('Choose a file first');
            upload.mutate(f);
          }}
        >
          <input
            ref={input}
            type="file"
            aria-label="File to upload"
            accept={CASE_FILE_TYPES.join(',')}
            className="text-sm"
          />
          <Button type="submit" size="sm" loading={upload.isPending}>
            Upload
          </Button>
        </form>
      )}
      {(early ?? upload.error) && <Alert className="mt-2">{early ?? upload.error!.message}</Alert>}
    </Card>
  );
}

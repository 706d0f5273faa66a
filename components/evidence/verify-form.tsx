'use client';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ApiClientError } from '@/lib/client/fetch-json';
import type { BagVerification } from '@/lib/evidence/verify/verify-bag';
import { formatBytes } from './export-job-actions';

type Result = BagVerification & { bytes: number; filename: string };

async function upload(file: File): Promise<Result> {
  const res = await fetch('/api/v1/evidence/verify', {
    method: 'POST',
    headers: { 'content-type': 'application/zip', 'x-filename': file.name },
    body: file,
  });
  const body = await res.json().catch(() => null);
  if (!res.ok)
    throw new ApiClientError(
      res.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? `Upload failed (${res.status})`,
    );
  return body as Result;
}

/** Upload a package zip; every check from verifyBag is listed with what failed. */
export function VerifyForm({ maxBytes }: { maxBytes: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const verify = useMutation({ mutationFn: upload });
  return (
    <div className="space-y-4">
      <form
        aria-label="Verify an evidence package"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (file && !tooBig) verify.mutate(file);
        }}
      >
        <label className="flex flex-col text-sm">
          Package (.zip, at most {formatBytes(maxBytes)})
          <input
            type="file"
            accept=".zip,application/zip"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              verify.reset();
              setTooBig(
                f && f.size > maxBytes
                  ? `${f.name} is ${formatBytes(f.size)}; Verify accepts at most ${formatBytes(maxBytes)}. Use npm run evidence:verify on the server for larger packages.`
                  : null,
              );
            }}
          />
        </label>
        <Button
          type="submit"
          variant="primary"
          loading={verify.isPending}
          disabled={!file || !!tooBig}
        >
          Verify
        </Button>
      </form>
      {(tooBig || verify.error) && <Alert>{tooBig ?? verify.error?.message}</Alert>}
      {verify.data && <VerifyResult r={verify.data} />}
    </div>
  );
}

function VerifyResult({ r }: { r: Result }) {
  return (
    <section
      aria-label="Verification result"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <p className={`font-semibold ${r.ok ? 'text-green-800' : 'text-red-800'}`} role="status">
        {r.ok
          ? `Verified: every check passed (${r.filename}, ${formatBytes(r.bytes)})`
          : `Not verified: ${r.failures.length} problem(s) in ${r.filename}`}
      </p>
      <ul className="mt-3 space-y-2">
        {r.checks.map((c) => (
          <li key={c.id} data-testid={`check-${c.id}`} className="text-sm">
            <span
              className={`mr-2 inline-block w-12 rounded px-1.5 text-center text-xs font-bold ${c.ok ? 'bg-green-100 text-green-800' : 'bg-red-100 text-red-800'}`}
            >
              {c.ok ? 'PASS' : 'FAIL'}
            </span>
            <span className="font-medium">{c.label}</span>
            {c.notes.length > 0 && <span className="text-slate-600"> — {c.notes.join('; ')}</span>}
            {c.problems.length > 0 && (
              <ul className="ml-16 list-disc text-red-800">
                {c.problems.map((p, i) => (
                  <li key={i} className="break-all">
                    {p}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

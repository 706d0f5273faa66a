'use client';
import { Button } from './button';

/** The body of the error pages: a generic message, the digest that ties it to the server log, retry. */
export function ErrorCard({ digest, reset }: { digest?: string; reset: () => void }) {
  return (
    <div
      role="alert"
      className="w-full max-w-md rounded-lg border border-red-200 bg-white p-8 text-center"
    >
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">
        This page could not be shown. Try again; if it keeps failing, tell an admin
        {digest ? ' and quote the reference below' : ''}.
      </p>
      {digest && <p className="mt-2 font-mono text-xs text-slate-700">Reference: {digest}</p>}
      <Button variant="primary" className="mt-6" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}

'use client';
import { useEffect } from 'react';
import { ErrorCard } from '@/components/ui/error-card';

// Last resort for a page that throws outside the signed-in layout (login). The message is generic:
// server error details never reach the browser; the digest ties it to the server log.
export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => console.error(error), [error]);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <ErrorCard digest={error.digest} reset={reset} />
    </main>
  );
}

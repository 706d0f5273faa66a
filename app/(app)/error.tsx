'use client';
import { useEffect } from 'react';
import { ErrorCard } from '@/components/ui/error-card';

// A page inside the signed-in layout threw: the sidebar stays, so the user can go elsewhere.
export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => console.error(error), [error]);
  return (
    <div className="flex justify-center pt-16">
      <ErrorCard digest={error.digest} reset={reset} />
    </div>
  );
}

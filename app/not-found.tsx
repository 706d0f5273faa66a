import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

// Any unknown URL, and every notFound() outside the signed-in layout.
export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center">
        <p className="text-sm font-medium text-slate-600">404</p>
        <h1 className="mt-1 text-xl font-semibold">Page not found</h1>
        <p className="mt-2 text-slate-600">
          This address does not exist, or what it pointed to is not visible to you.
        </p>
        <Link href="/" className={buttonClasses({ variant: 'primary', className: 'mt-6' })}>
          Back to the overview
        </Link>
      </div>
    </main>
  );
}

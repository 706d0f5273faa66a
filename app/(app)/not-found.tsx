import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

// notFound() from a signed-in page (an account or cluster id that does not exist or is not
// visible): shown inside the layout, so the sidebar stays.
export default function AppNotFound() {
  return (
    <div className="flex justify-center pt-16">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center">
        <p className="text-sm font-medium text-slate-600">404</p>
        <h1 className="mt-1 text-xl font-semibold">Not found</h1>
        <p className="mt-2 text-slate-600">
          Nothing exists at this address, or it is not visible to you.
        </p>
        <Link href="/" className={buttonClasses({ variant: 'primary', className: 'mt-6' })}>
          Back to the overview
        </Link>
      </div>
    </div>
  );
}

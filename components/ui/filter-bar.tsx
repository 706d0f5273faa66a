import Link from 'next/link';
import { Alert } from './alert';
import { Button } from './button';

// The one filter bar of the list pages: a plain GET form, so filters (and the sort, carried in a
// hidden field) live in the URL and a link reproduces the view. Hints say which parameters of the
// link were not understood; an error (a filter that cannot run) is announced.
export function FilterBar({
  label,
  keep = {},
  resetHref,
  hints = [],
  error,
  children,
}: {
  label: string;
  /** parameters the form does not show but must keep (e.g. the sort) */
  keep?: Record<string, string | undefined>;
  resetHref: string;
  hints?: string[];
  error?: string | null;
  children: React.ReactNode;
}) {
  return (
    <form
      method="get"
      className="mb-4 flex flex-wrap items-end gap-3 text-sm"
      aria-label={label}
      data-testid="filter-bar"
    >
      {Object.entries(keep).map(([k, v]) =>
        v ? <input key={k} type="hidden" name={k} value={v} /> : null,
      )}
      {children}
      <Button type="submit" variant="primary">
        Filter
      </Button>
      <Link href={resetHref} className="self-center text-blue-700 hover:underline">
        Reset
      </Link>
      {hints.length > 0 && (
        <div className="w-full" data-testid="filter-hint">
          <Alert tone="info">{hints.join(' ')}</Alert>
        </div>
      )}
      {error && <Alert className="w-full">{error}</Alert>}
    </form>
  );
}

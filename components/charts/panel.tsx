import { Skeleton } from '@/components/ui/skeleton';

// Every panel reserves its height up front (skeleton, content, empty and error states share the
// same min-height), so nothing below it jumps when data arrives.
export function Panel({
  title,
  subtitle,
  h = 'min-h-64',
  actions,
  children,
  testId,
}: {
  title: string;
  subtitle?: React.ReactNode;
  h?: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <section
      aria-label={title}
      data-testid={testId}
      className={`rounded-lg border border-slate-200 bg-white p-4 ${h}`}
    >
      <header className="mb-3 flex items-baseline justify-between gap-3">
        <div>
          <h2 className="font-semibold">{title}</h2>
          {subtitle && <p className="text-xs text-slate-600">{subtitle}</p>}
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}

export function PanelSkeleton({ title, h = 'min-h-64' }: { title: string; h?: string }) {
  return (
    <section
      aria-label={`${title} (loading)`}
      aria-busy
      className={`rounded-lg border border-slate-200 bg-white p-4 ${h}`}
    >
      <h2 className="mb-3 font-semibold text-slate-600">{title}</h2>
      <Skeleton className="h-[calc(100%-2rem)] min-h-40" />
    </section>
  );
}

export function PanelEmpty({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex h-40 items-center justify-center rounded border border-dashed border-slate-200 text-sm text-slate-600">
      {children}
    </div>
  );
}

export function PanelError({ error }: { error: unknown }) {
  const msg = error instanceof Error ? error.message : 'Could not load this panel';
  return (
    <div
      role="alert"
      className="flex h-40 items-center justify-center rounded border border-red-200 bg-red-50 px-4 text-sm text-red-700"
    >
      Could not load: {msg}
    </div>
  );
}

/** Runs a panel's data function; a failure renders the panel's error state instead of the page's. */
export async function load<T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; data: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    console.error('[panel]', error);
    return { ok: false, error };
  }
}

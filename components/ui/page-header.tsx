export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: React.ReactNode;
}) {
  return (
    <div className="mb-5 flex items-end justify-between gap-4">
      <div>
        <h1 className="text-xl font-semibold">{title}</h1>
        {description && <p className="mt-0.5 text-slate-600">{description}</p>}
      </div>
      {actions}
    </div>
  );
}

// Re-exported for the Cases and Queues placeholder pages, which are being rebuilt; new code
// imports these from their own files.
export { EmptyState } from './empty-state';
export { Skeleton } from './skeleton';

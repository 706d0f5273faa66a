import { cx } from './cx';

/** A white bordered panel; with a title it becomes a labelled <section>. */
export function Card({
  title,
  description,
  actions,
  className,
  children,
}: {
  title?: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-label={title}
      className={cx('rounded-lg border border-slate-200 bg-white p-4', className)}
    >
      {(title || actions) && (
        <header className="mb-3 flex items-baseline justify-between gap-3">
          <div>
            {title && <h2 className="font-semibold">{title}</h2>}
            {description && <p className="text-xs text-slate-600">{description}</p>}
          </div>
          {actions}
        </header>
      )}
      {children}
    </section>
  );
}

import { cx } from './cx';

/** A message the user must notice: errors are announced (role="alert"), notes are not. */
export function Alert({
  tone = 'error',
  className,
  children,
}: {
  tone?: 'error' | 'info';
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <p
      role={tone === 'error' ? 'alert' : 'status'}
      className={cx(
        'rounded px-3 py-2 text-sm',
        tone === 'error' ? 'bg-red-50 text-red-800' : 'bg-blue-50 text-blue-900',
        className,
      )}
    >
      {children}
    </p>
  );
}

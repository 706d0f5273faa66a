import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';
import { cx } from './cx';

export function Label({ className, ...rest }: React.ComponentProps<'label'>) {
  return <label className={cx('text-sm font-medium text-slate-800', className)} {...rest} />;
}

type ControlProps = { id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string };

/**
 * A label above one control, with an optional hint and error text. Field gives the control an id
 * (unless it has one) for the label, and aria-invalid + aria-describedby pointing at the hint and
 * error, so a screen reader reads them with the field while the label stays its accessible name.
 */
export function Field({
  label,
  error,
  hint,
  className,
  children,
}: {
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  className?: string;
  children: ReactElement<ControlProps>;
}) {
  const id = useId();
  const controlId = (isValidElement(children) && children.props.id) || `${id}-control`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, {
        id: controlId,
        'aria-invalid': error ? true : children.props['aria-invalid'],
        'aria-describedby': describedBy ?? children.props['aria-describedby'],
      })
    : children;
  return (
    <div className={cx('flex flex-col gap-1 text-sm', className)}>
      <Label htmlFor={controlId}>{label}</Label>
      {control}
      {hint && (
        <span id={hintId} className="text-xs text-slate-600">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="text-xs text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}

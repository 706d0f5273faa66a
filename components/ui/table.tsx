import type { ComponentProps } from 'react';
import { cx } from './cx';

// Table pieces with one spacing and header style. Cells with `numeric` right-align with tabular
// figures; cells with `truncate` cut long values at `max` width and show the whole value on hover
// (title), so a long id never widens the table past the screen.

export function Table({ className, ...rest }: ComponentProps<'table'>) {
  return <table className={cx('w-full text-left text-sm', className)} {...rest} />;
}

/** A bordered white frame that scrolls sideways instead of clipping when a table is too wide. */
export function TableFrame({ className, ...rest }: ComponentProps<'div'>) {
  return (
    <div
      className={cx('overflow-x-auto rounded-lg border border-slate-200 bg-white', className)}
      {...rest}
    />
  );
}

export function THead({ className, ...rest }: ComponentProps<'thead'>) {
  return <thead className={cx('bg-slate-50 text-xs text-slate-600', className)} {...rest} />;
}

export function TBody(props: ComponentProps<'tbody'>) {
  return <tbody {...props} />;
}

export function Tr({ className, ...rest }: ComponentProps<'tr'>) {
  return <tr className={cx('border-t border-slate-200', className)} {...rest} />;
}

type CellOptions = {
  numeric?: boolean;
  /** Cut the value at `max` (a Tailwind max-width class) and show it whole in the title. */
  truncate?: boolean;
  max?: string;
};

function cellClass({ numeric, truncate, max = 'max-w-xs' }: CellOptions, className?: string) {
  return cx(
    'px-3 py-2 align-top',
    numeric && 'text-right tabular-nums',
    truncate && cx('truncate', max),
    className,
  );
}

export function Th({
  numeric,
  truncate,
  max,
  className,
  scope = 'col',
  ...rest
}: ComponentProps<'th'> & CellOptions) {
  return (
    <th
      scope={scope}
      className={cellClass(
        { numeric, truncate, max },
        cx('font-semibold whitespace-nowrap', className),
      )}
      {...rest}
    />
  );
}

export function Td({
  numeric,
  truncate,
  max,
  className,
  title,
  children,
  ...rest
}: ComponentProps<'td'> & CellOptions) {
  // A truncated plain-text cell carries its full value as the title unless one is given.
  const auto = truncate && (typeof children === 'string' || typeof children === 'number');
  return (
    <td
      className={cellClass({ numeric, truncate, max }, className)}
      title={title ?? (auto ? String(children) : undefined)}
      {...rest}
    >
      {children}
    </td>
  );
}

/** Inline text cut with an ellipsis, whole in its title: for a long value inside a cell with other content. */
export function Truncate({ text, className = 'max-w-xs' }: { text: string; className?: string }) {
  return (
    <span className={cx('inline-block truncate align-bottom', className)} title={text}>
      {text}
    </span>
  );
}

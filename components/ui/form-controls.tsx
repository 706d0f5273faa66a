import type { ComponentProps } from 'react';
import { cx } from './cx';

export type ControlSize = 'sm' | 'md';

// One look for every text box and select. The border is dark enough to find the control
// (WCAG 1.4.11); aria-invalid (set by <Field error>) turns it red.
const CONTROL = cx(
  'rounded border border-slate-400 bg-white text-slate-900',
  'placeholder:text-slate-500 disabled:bg-slate-100 disabled:text-slate-600',
  'focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-blue-600',
  'aria-[invalid=true]:border-red-600',
);
const SIZES: Record<ControlSize, string> = {
  sm: 'px-2 py-0.5 text-xs',
  md: 'px-2 py-1 text-sm',
};

type Sized = { controlSize?: ControlSize };

export function Input({ className, controlSize = 'md', ...rest }: ComponentProps<'input'> & Sized) {
  return <input className={cx(CONTROL, SIZES[controlSize], className)} {...rest} />;
}

export function Select({
  className,
  controlSize = 'md',
  ...rest
}: ComponentProps<'select'> & Sized) {
  return <select className={cx(CONTROL, SIZES[controlSize], className)} {...rest} />;
}

export function Textarea({
  className,
  controlSize = 'md',
  rows = 3,
  ...rest
}: ComponentProps<'textarea'> & Sized) {
  return (
    <textarea
      rows={rows}
      className={cx(CONTROL, SIZES[controlSize], 'w-full', className)}
      {...rest}
    />
  );
}

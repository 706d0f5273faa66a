import { cx } from './cx';

export function Skeleton({ className = 'h-32' }: { className?: string }) {
  return <div aria-hidden className={cx('animate-pulse rounded-lg bg-slate-200/70', className)} />;
}

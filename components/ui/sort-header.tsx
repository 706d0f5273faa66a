import Link from 'next/link';
import { Th } from './table';

// A column header that sorts by a link: the sort goes into the URL with the filters kept. The
// current column says so to assistive technology (aria-sort) and shows its direction.
export function SortHeader({
  column,
  label,
  current,
  params,
  numeric,
}: {
  column: string;
  label: string;
  current: { sort: string; dir: 'asc' | 'desc' };
  params: Record<string, string | undefined>;
  numeric?: boolean;
}) {
  const active = current.sort === column;
  const next = active && current.dir === 'desc' ? 'asc' : 'desc';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  q.set('sort', column);
  q.set('dir', next);
  return (
    <Th
      numeric={numeric}
      aria-sort={active ? (current.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <Link href={`?${q}`} className="hover:underline" title={`Sort by ${label.toLowerCase()}`}>
        {label}
        <span aria-hidden="true" className="ml-0.5 inline-block w-2">
          {active ? (current.dir === 'asc' ? '↑' : '↓') : ''}
        </span>
      </Link>
    </Th>
  );
}

'use client';
import Link from 'next/link';
import type { AccountListRow } from '@/lib/queries/accounts-list';
import type { TAccountQuery } from '@/lib/queries/account-filter';

type SortKey = TAccountQuery['sort'];
const COLUMNS: Array<{ label: string; sort?: SortKey; className?: string }> = [
  { label: 'Account', sort: 'account_id' },
  { label: 'Risk', sort: 'risk', className: 'text-right' },
  { label: 'Top reasons' },
  { label: 'Events', sort: 'events', className: 'text-right' },
  { label: 'Coverage', sort: 'coverage', className: 'text-right' },
  { label: 'Cluster' },
  { label: 'Status' },
  { label: 'Last seen', sort: 'last_seen' },
];

// Presentational: declares columns and renders rows; paging, sorting state and data live in the parent.
export function AccountsTable({
  rows,
  threshold,
  sort,
  dir,
  selected,
  onSort,
  onSelect,
}: {
  rows: AccountListRow[];
  /** Detection's account flag threshold (from its settings, read on the server). */
  threshold: number;
  sort: SortKey;
  dir: 'asc' | 'desc';
  selected: number;
  onSort: (s: SortKey) => void;
  onSelect: (i: number) => void;
}) {
  return (
    <table className="w-full text-left text-sm" aria-label="Accounts">
      <thead className="bg-slate-50 text-xs text-slate-500">
        <tr>
          {COLUMNS.map((c) => (
            <th
              key={c.label}
              className={`px-3 py-2 ${c.className ?? ''}`}
              aria-sort={c.sort === sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {c.sort ? (
                <button
                  type="button"
                  className="hover:text-slate-900"
                  onClick={() => onSort(c.sort!)}
                >
                  {c.label}
                  {c.sort === sort ? (dir === 'asc' ? ' ↑' : ' ↓') : ''}
                </button>
              ) : (
                c.label
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr
            key={r.account_id}
            data-testid="account-row"
            aria-selected={i === selected}
            onMouseEnter={() => onSelect(i)}
            className={`h-9 border-t border-slate-100 ${i === selected ? 'bg-blue-50 outline outline-1 outline-blue-300' : ''}`}
          >
            <td className="px-3">
              <Link
                className="font-mono text-blue-700 hover:underline"
                href={`/accounts/${encodeURIComponent(r.account_id)}`}
              >
                {r.account_id}
              </Link>
              {r.email_domain && (
                <span className="ml-2 text-xs text-slate-400">{r.email_domain}</span>
              )}
            </td>
            <td
              className={`px-3 text-right tabular-nums ${r.risk >= threshold ? 'font-semibold text-red-700' : ''}`}
            >
              {r.risk.toFixed(2)}
            </td>
            <td className="max-w-xs truncate px-3 text-xs" title={r.reasons.join('\n')}>
              {r.reasons.slice(0, 2).join(' · ') || '—'}
            </td>
            <td className="px-3 text-right tabular-nums">{r.events.toLocaleString('en')}</td>
            <td className="px-3 text-right tabular-nums">{(r.coverage * 100).toFixed(0)}%</td>
            <td className="px-3">
              {r.cluster_id ? (
                <Link
                  className="text-blue-700 hover:underline"
                  href={`/clusters/${encodeURIComponent(r.cluster_id)}`}
                >
                  {r.cluster_id}
                </Link>
              ) : (
                '—'
              )}
            </td>
            <td className="px-3 text-xs">{r.status ?? (r.flagged ? 'flagged' : '—')}</td>
            <td className="px-3 font-mono text-xs">{r.last_seen?.slice(0, 10) ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

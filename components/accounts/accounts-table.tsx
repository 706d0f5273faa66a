'use client';
import Link from 'next/link';
import { ReasonsCell } from '@/components/ui/reasons-cell';
import { Table, TBody, Td, Th, THead, Tr, Truncate } from '@/components/ui/table';
import type { AccountListRow } from '@/lib/queries/accounts-list';
import type { TAccountQuery } from '@/lib/queries/account-filter';

type SortKey = TAccountQuery['sort'];
const COLUMNS: Array<{ label: string; sort?: SortKey; numeric?: boolean }> = [
  { label: 'Account', sort: 'account_id' },
  { label: 'Risk', sort: 'risk', numeric: true },
  { label: 'Top reasons' },
  { label: 'Events', sort: 'events', numeric: true },
  { label: 'Coverage', sort: 'coverage', numeric: true },
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
  picked,
  onPick,
}: {
  rows: AccountListRow[];
  /** Detection's account flag threshold (from its settings, read on the server). */
  threshold: number;
  sort: SortKey;
  dir: 'asc' | 'desc';
  selected: number;
  onSort: (s: SortKey) => void;
  onSelect: (i: number) => void;
  /** Checked account ids (a checkbox column appears when given: opening a case from a selection). */
  picked?: string[];
  onPick?: (accountId: string) => void;
}) {
  return (
    <Table aria-label="Accounts">
      <THead>
        <tr>
          {picked && (
            <Th>
              <span className="sr-only">Select</span>
            </Th>
          )}
          {COLUMNS.map((c) => (
            <Th
              key={c.label}
              numeric={c.numeric}
              aria-sort={c.sort === sort ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {c.sort ? (
                <button
                  type="button"
                  className="font-semibold hover:text-slate-900"
                  onClick={() => onSort(c.sort!)}
                >
                  {c.label}
                  {c.sort === sort ? (dir === 'asc' ? ' ↑' : ' ↓') : ''}
                </button>
              ) : (
                c.label
              )}
            </Th>
          ))}
        </tr>
      </THead>
      <TBody>
        {rows.map((r, i) => (
          // The j/k cursor: a plain table has no selection semantics (aria-selected needs a grid),
          // so the row under the cursor is marked aria-current and drawn with an outline.
          <Tr
            key={r.account_id}
            data-testid="account-row"
            aria-current={i === selected ? 'true' : undefined}
            onMouseEnter={() => onSelect(i)}
            className={i === selected ? 'bg-blue-50 outline outline-1 outline-blue-300' : ''}
          >
            {picked && (
              <Td>
                <input
                  type="checkbox"
                  aria-label={`Select ${r.account_id}`}
                  checked={picked.includes(r.account_id)}
                  onChange={() => onPick?.(r.account_id)}
                />
              </Td>
            )}
            <Td>
              <Link
                className="font-mono text-blue-700 hover:underline"
                href={`/accounts/${encodeURIComponent(r.account_id)}`}
              >
                {r.account_id}
              </Link>
              {r.email_domain && (
                <Truncate text={r.email_domain} className="ml-2 max-w-40 text-xs text-slate-600" />
              )}
            </Td>
            <Td numeric className={r.risk >= threshold ? 'font-semibold text-red-700' : ''}>
              {r.risk.toFixed(2)}
            </Td>
            <ReasonsCell reasons={r.reasons} />
            <Td numeric>{r.events.toLocaleString('en')}</Td>
            <Td numeric>{(r.coverage * 100).toFixed(0)}%</Td>
            <Td>
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
            </Td>
            <Td className="text-xs">{r.status ?? (r.flagged ? 'flagged' : '—')}</Td>
            <Td className="font-mono text-xs whitespace-nowrap">
              {r.last_seen?.slice(0, 10) ?? '—'}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

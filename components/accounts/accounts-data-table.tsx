'use client';
import { useCallback, useState } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import {
  parseAccountQuery,
  toAccountSearch,
  withFilter,
  type TAccountQuery,
} from '@/lib/queries/account-filter';
import { PanelEmpty, PanelError } from '@/components/charts/panel';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/form-controls';
import { Skeleton } from '@/components/ui/skeleton';
import { useAccounts } from './accounts-query';
import { AccountsFilters } from './accounts-filters';
import { AccountsTable } from './accounts-table';
import { SavedViews } from './saved-views';
import { useRowKeys } from './use-row-keys';
import { OpenCaseButton } from '@/components/cases/open-case-button';

// Owns the URL state, the query and paging; AccountsTable only renders.
export function AccountsDataTable({
  options,
  threshold,
  canOpenCase = false,
}: {
  options: { signals: Array<{ id: string; label: string }>; clusters: string[] };
  threshold: number;
  /** Show row checkboxes and "Open case" for the checked accounts (cases:write). */
  canOpenCase?: boolean;
}) {
  const [picked, setPicked] = useState<string[]>([]);
  const togglePick = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const router = useRouter();
  const path = usePathname();
  const state = parseAccountQuery(new URLSearchParams(useSearchParams().toString()));
  const search = toAccountSearch(state);
  const q = useAccounts(search);
  const [sel, setSel] = useState<{ search: string; i: number }>({ search, i: 0 });
  const selected = sel.search === search ? sel.i : 0;
  const setSelected = useCallback((i: number) => setSel({ search, i }), [search]);
  const go = (patch: Partial<TAccountQuery>) =>
    router.replace(`${path}${toAccountSearch(withFilter(state, patch))}`, { scroll: false });
  const data = q.data;
  const rows = data?.rows ?? [];
  const open = useCallback(
    (i: number) => {
      const r = data?.rows[i];
      if (r) router.push(`/accounts/${encodeURIComponent(r.account_id)}`);
    },
    [data, router],
  );
  useRowKeys(rows.length, selected, setSelected, open);
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / q.data.size)) : 1;

  return (
    <div>
      <AccountsFilters state={state} options={options} onApply={go} />
      <SavedViews search={search} />
      {canOpenCase && picked.length > 0 && (
        <div className="mb-2 flex items-center gap-2 text-sm">
          <span>{picked.length} accounts selected</span>
          <OpenCaseButton
            key={picked.join(',')}
            source={{ kind: 'accounts', account_ids: picked }}
            defaultTitle={`${picked.length} accounts: ${picked.slice(0, 3).join(', ')}${picked.length > 3 ? ', …' : ''}`}
            label={`Open case with ${picked.length} accounts`}
          />
        </div>
      )}
      <div className="min-h-[30rem] overflow-x-auto rounded-lg border border-slate-200 bg-white">
        {q.isPending ? (
          <div className="p-3">
            <Skeleton className="h-96" />
          </div>
        ) : q.error ? (
          <div className="p-3">
            <PanelError error={q.error} />
          </div>
        ) : rows.length === 0 ? (
          <div className="p-3">
            <PanelEmpty>
              {search
                ? 'No scored account matches these filters.'
                : 'Nothing scored yet: ingest query logs (npm run ingest -- events <file>), then run npm run detect.'}
            </PanelEmpty>
          </div>
        ) : (
          <div
            className={q.isPlaceholderData ? 'opacity-60' : ''}
            aria-busy={q.isPlaceholderData}
            data-testid="accounts-rows"
          >
            <AccountsTable
              rows={rows}
              threshold={threshold}
              sort={state.sort}
              dir={state.dir}
              selected={selected}
              onSelect={setSelected}
              picked={canOpenCase ? picked : undefined}
              onPick={togglePick}
              onSort={(s) =>
                go({ sort: s, dir: s === state.sort && state.dir === 'desc' ? 'asc' : 'desc' })
              }
            />
          </div>
        )}
      </div>
      <nav
        aria-label="Pagination"
        className="mt-2 flex items-center justify-between text-sm text-slate-600"
      >
        <span data-testid="total">
          {q.data
            ? `${q.data.total.toLocaleString('en')} accounts · page ${state.page} of ${pages}`
            : ' '}
        </span>
        <span className="text-xs text-slate-600">j / k to move · Enter to open</span>
        <span className="flex gap-2">
          <Select
            controlSize="sm"
            aria-label="Rows per page"
            value={state.size}
            onChange={(e) => go({ size: Number(e.target.value) as TAccountQuery['size'], page: 1 })}
          >
            {[25, 50, 100].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
          <Button size="sm" disabled={state.page <= 1} onClick={() => go({ page: state.page - 1 })}>
            ← Prev
          </Button>
          <Button
            size="sm"
            disabled={state.page >= pages}
            onClick={() => go({ page: state.page + 1 })}
          >
            Next →
          </Button>
        </span>
      </nav>
    </div>
  );
}

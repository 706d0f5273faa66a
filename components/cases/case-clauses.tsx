'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/form-controls';
import { Skeleton } from '@/components/ui/skeleton';
import { fetchJson } from '@/lib/client/fetch-json';
import type { CaseDetail } from '@/lib/queries/case';
import type { CaseClauseLinkView, ClauseView } from '@/lib/queries/clauses';
import { caseKeys, sendJson, useCaseMutation } from './cases-query';

const day = (iso: string) => iso.slice(0, 10);

/** ToS clause findings: the version in force at the conduct, beside the account's accepted one. */
export function CaseClauses({ c, canLink }: { c: CaseDetail; canLink: boolean }) {
  const [clause, setClause] = useState('');
  const [account, setAccount] = useState('');
  const [finding, setFinding] = useState('');
  const q = useQuery({
    queryKey: caseKeys.clauses(c.id),
    queryFn: ({ signal }) =>
      fetchJson<{ links: CaseClauseLinkView[]; catalogue: ClauseView[] }>(
        `/api/v1/cases/${c.id}/clauses`,
        { signal },
      ),
  });
  const link = useCaseMutation(
    c.id,
    () =>
      sendJson(`/api/v1/cases/${c.id}/clauses`, 'POST', {
        clause_id: clause,
        account_id: account,
        finding,
      }),
    () => setFinding(''),
    caseKeys.clauses(c.id),
  );
  const unlink = useCaseMutation(
    c.id,
    (id: string) => sendJson(`/api/v1/cases/${c.id}/clauses/${id}`, 'DELETE'),
    undefined,
    caseKeys.clauses(c.id),
  );
  const links = q.data?.links ?? [];
  const error = link.error ?? unlink.error;
  return (
    <Card
      title="ToS clauses"
      description="The version in force at the account's last activity, chosen by the server."
    >
      {q.isPending ? (
        <Skeleton className="h-12" />
      ) : links.length ? (
        <ul aria-label="Clause links" className="flex flex-col gap-2 text-sm">
          {links.map((l) => (
            <li key={l.id} className="border-l-2 border-slate-300 pl-3">
              <div className="flex flex-wrap items-baseline gap-2">
                <span className="font-medium">
                  {l.code} {l.title}
                </span>
                <span>
                  version {l.version} (in force from {day(l.effective_from)})
                </span>
                <span className="text-slate-700">
                  · accepted ToS: {l.accepted_tos_version ?? 'not recorded'}
                </span>
                {canLink && (
                  <Button
                    size="sm"
                    variant="ghost"
                    className="ml-auto"
                    onClick={() => unlink.mutate(l.id)}
                  >
                    Unlink
                  </Button>
                )}
              </div>
              <div className="text-xs text-slate-600">
                Account {l.account_id}, conduct {day(l.conduct_from)} to {day(l.conduct_to)}
                {l.versions_in_window.length > 0 &&
                  `; versions ${l.versions_in_window.join(', ')} also took effect in that window`}
              </div>
              {l.finding && <div className="text-slate-800">{l.finding}</div>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">No clause linked.</p>
      )}
      {canLink && (
        <form
          aria-label="Link a clause"
          className="mt-3 grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (clause && account) link.mutate();
          }}
        >
          <Field label="Clause">
            <Select value={clause} onChange={(e) => setClause(e.target.value)}>
              <option value="">Choose…</option>
              {(q.data?.catalogue ?? []).map((k) => (
                <option key={k.id} value={k.id}>
                  {k.code} {k.title}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Account">
            <Select value={account} onChange={(e) => setAccount(e.target.value)}>
              <option value="">Choose…</option>
              {c.accounts.map((a) => (
                <option key={a.account_id} value={a.account_id}>
                  {a.account_id}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Finding" className="col-span-2">
            <Input value={finding} maxLength={2000} onChange={(e) => setFinding(e.target.value)} />
          </Field>
          <div>
            <Button type="submit" size="sm" loading={link.isPending} disabled={!clause || !account}>
              Link clause
            </Button>
          </div>
        </form>
      )}
      {error && <Alert className="mt-2">{error.message}</Alert>}
    </Card>
  );
}

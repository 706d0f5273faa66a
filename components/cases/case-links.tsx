'use client';
import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/form-controls';
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import type { CaseDetail } from '@/lib/queries/case';
import { CASE_OUTCOME_LABEL } from '@/lib/schemas/case';
import { sendJson, useCaseMutation } from './cases-query';

const risk = (r: number | null) => (r === null ? '—' : r.toFixed(2));

/** Linked accounts and clusters, each with the risk and reasons it had when it was linked. */
export function CaseLinks({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const [account, setAccount] = useState('');
  const link = useCaseMutation(
    c.id,
    (id: string) =>
      sendJson(`/api/v1/cases/${c.id}/links`, 'POST', { version: c.version, account_ids: [id] }),
    () => setAccount(''),
  );
  const editable = canWrite && c.status !== 'closed';
  return (
    <Card
      title={`Linked accounts (${c.accounts.length})`}
      description="Risk and reasons as they were when each account was linked."
    >
      {c.accounts.length > 0 && (
        <TableFrame>
          <Table>
            <THead>
              <Tr>
                <Th>Account</Th>
                <Th numeric>Risk at link</Th>
                <Th>Reasons at link</Th>
                <Th>Outcome</Th>
              </Tr>
            </THead>
            <TBody>
              {c.accounts.map((a) => (
                <Tr key={a.account_id}>
                  <Td>
                    <Link
                      className="text-blue-700 underline"
                      href={`/accounts/${encodeURIComponent(a.account_id)}`}
                    >
                      {a.account_id}
                    </Link>
                  </Td>
                  <Td numeric>{risk(a.risk_at_link)}</Td>
                  {/* Reasons are the evidence at link time: wrapped, never cut. */}
                  <Td className="max-w-md whitespace-normal break-words">
                    {a.reasons_at_link.join('; ') || '—'}
                  </Td>
                  <Td>{a.outcome ? CASE_OUTCOME_LABEL[a.outcome] : '—'}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableFrame>
      )}
      {c.clusters.length > 0 && (
        <ul className="mt-3 text-sm">
          {c.clusters.map((k) => (
            <li key={k.cluster_id}>
              Cluster{' '}
              <Link
                className="text-blue-700 underline"
                href={`/clusters/${encodeURIComponent(k.cluster_id)}`}
              >
                {k.cluster_id}
              </Link>{' '}
              — risk at link {risk(k.risk_at_link)}, {k.members_at_link ?? '?'} members
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          aria-label="Link an account"
          className="mt-3 flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (account.trim()) link.mutate(account.trim());
          }}
        >
          <Input
            aria-label="Account id to link"
            placeholder="account id"
            value={account}
            onChange={(e) => setAccount(e.target.value)}
            controlSize="sm"
          />
          <Button type="submit" size="sm" loading={link.isPending}>
            Link account
          </Button>
        </form>
      )}
      {link.error && <Alert className="mt-2">{link.error.message}</Alert>}
    </Card>
  );
}

'use client';
import { useState } from 'react';
import { useRevokeToken, useTokens, type TokenRow } from './tokens-query';
import { TokenCreateForm } from './token-create-form';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from '@/components/ui/table';

const when = (iso: string | null, none: string) =>
  iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : none;

function Status({ t }: { t: TokenRow & { expired: boolean } }) {
  if (t.revoked_at) return <Badge tone="danger">revoked</Badge>;
  if (t.expired) return <Badge tone="warning">expired</Badge>;
  return <Badge tone="success">active</Badge>;
}

/** Ingest tokens: list, create (secret shown once), revoke after a confirmation. */
export function TokensAdmin() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="space-y-6">
      <TokenCreateForm />
      {revoke.error && <Alert>{revoke.error.message}</Alert>}
      {tokens.isPending ? (
        <Skeleton />
      ) : tokens.error ? (
        <Alert>{tokens.error.message}</Alert>
      ) : tokens.data.tokens.length === 0 ? (
        <EmptyState title="No ingest tokens yet">
          A token lets a machine send events or accounts to /api/v1/ingest/*.
        </EmptyState>
      ) : (
        <TableFrame>
          <Table aria-label="Ingest tokens">
            <THead>
              <tr>
                <Th>Name</Th>
                <Th>Prefix</Th>
                <Th>May feed</Th>
                <Th>Created</Th>
                <Th>Expires</Th>
                <Th>Last used</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {tokens.data.tokens.map((t) => (
                <Tr key={t.id} data-testid={`token-row-${t.name}`}>
                  <Td truncate>{t.name}</Td>
                  <Td className="font-mono text-xs">{t.prefix}…</Td>
                  <Td>{t.scopes.join(', ')}</Td>
                  <Td className="whitespace-nowrap">{when(t.created_at, '')}</Td>
                  <Td className="whitespace-nowrap">{when(t.expires_at, 'never')}</Td>
                  <Td className="whitespace-nowrap">{when(t.last_used_at, 'never')}</Td>
                  <Td>
                    <Status t={t} />
                  </Td>
                  <Td className="space-x-2 whitespace-nowrap text-right">
                    {t.revoked_at ? null : confirming === t.id ? (
                      <span role="group" aria-label={`Confirm revoking ${t.name}`}>
                        <span className="mr-2 text-sm">
                          Uploads with it stop at their next batch.
                        </span>
                        <Button
                          size="sm"
                          variant="danger"
                          loading={revoke.isPending}
                          onClick={() =>
                            revoke.mutate(t.id, { onSettled: () => setConfirming(null) })
                          }
                        >
                          Revoke for good
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                          Cancel
                        </Button>
                      </span>
                    ) : (
                      <Button
                        size="sm"
                        variant="danger"
                        aria-label={`Revoke ${t.name}`}
                        onClick={() => setConfirming(t.id)}
                      >
                        Revoke
                      </Button>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </TableFrame>
      )}
    </div>
  );
}

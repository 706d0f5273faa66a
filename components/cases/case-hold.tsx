'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/form-controls';
import { Skeleton } from '@/components/ui/skeleton';
import { fetchJson } from '@/lib/client/fetch-json';
import type { CaseHoldView } from '@/lib/queries/holds';
import { caseKeys, sendJson, useCaseMutation } from './cases-query';

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Legal hold: while a hold is active the retention purge keeps every event of the case's linked
 * accounts. Legal and admins set and lift it, each with a reason; earlier holds stay listed.
 */
export function CaseHold({ caseId, canLegal }: { caseId: string; canLegal: boolean }) {
  const [reason, setReason] = useState('');
  const q = useQuery({
    queryKey: caseKeys.holds(caseId),
    queryFn: ({ signal }) =>
      fetchJson<{ holds: CaseHoldView[] }>(`/api/v1/cases/${caseId}/hold`, { signal }),
  });
  const active = q.data?.holds.find((h) => h.active) ?? null;
  const act = useCaseMutation(
    caseId,
    () => sendJson(`/api/v1/cases/${caseId}/hold${active ? '/lift' : ''}`, 'POST', { reason }),
    () => setReason(''),
    caseKeys.holds(caseId),
  );
  const past = (q.data?.holds ?? []).filter((h) => !h.active);
  return (
    <Card
      title="Legal hold"
      description="Events of held accounts are never purged, whatever the retention period."
    >
      {q.isPending ? (
        <Skeleton className="h-10" />
      ) : active ? (
        <div className="flex flex-col gap-1 text-sm" data-testid="active-hold">
          <div>
            <Badge tone="warning">on hold</Badge> since {when(active.set_at)} by{' '}
            {active.set_by.name}
          </div>
          <div>Reason: {active.reason}</div>
          <div className="text-slate-700">
            Holds {active.account_ids.length} linked account
            {active.account_ids.length === 1 ? '' : 's'}: {active.account_ids.join(', ') || 'none'}
          </div>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Not on hold.</p>
      )}
      {canLegal && !q.isPending && (
        <form
          aria-label={active ? 'Lift the hold' : 'Set a hold'}
          className="mt-3 flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) act.mutate();
          }}
        >
          <Field label={active ? 'Reason to lift' : 'Reason for the hold'}>
            <Input value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div>
            <Button
              type="submit"
              size="sm"
              variant={active ? 'secondary' : 'primary'}
              loading={act.isPending}
              disabled={!reason.trim()}
            >
              {active ? 'Lift hold' : 'Set hold'}
            </Button>
          </div>
        </form>
      )}
      {act.error && <Alert className="mt-2">{act.error.message}</Alert>}
      {past.length > 0 && (
        <ul aria-label="Earlier holds" className="mt-3 flex flex-col gap-1 text-xs text-slate-700">
          {past.map((h) => (
            <li key={h.id}>
              {when(h.set_at)} to {when(h.lifted_at!)}: {h.reason} (lifted by{' '}
              {h.lifted_by?.name ?? 'unknown'}: {h.lift_reason})
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

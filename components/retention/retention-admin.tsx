'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/form-controls';
import { Table, TableFrame, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { fetchJson } from '@/lib/client/fetch-json';
import { refreshQueries } from '@/lib/client/refresh-queries';
import type { PurgeResult } from '@/lib/cases/retention/purge';
import type { RetentionView } from '@/lib/cases/retention/settings';
import type { ActiveHoldRow } from '@/lib/queries/holds';
import { RETENTION_MAX_DAYS } from '@/lib/schemas/retention';
import { PurgePreview } from './purge-preview';

interface Data {
  retention: RetentionView;
  holds: ActiveHoldRow[];
}
const KEY = ['admin', 'retention'] as const;

/** The retention period (or keep forever), a dry-run preview, and every active legal hold. */
export function RetentionAdmin({ initial }: { initial: Data }) {
  const qc = useQueryClient();
  const { data } = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => fetchJson<Data>('/api/v1/admin/retention', { signal }),
    initialData: initial,
  });
  const [days, setDays] = useState(String(initial.retention.raw_event_days ?? ''));
  const save = useMutation({
    mutationFn: (raw_event_days: number | null) =>
      fetchJson('/api/v1/admin/retention', {
        method: 'PUT',
        body: JSON.stringify({ raw_event_days }),
      }),
    onSettled: () => refreshQueries(qc, KEY),
  });
  const preview = useMutation({
    mutationFn: () => fetchJson<{ preview: PurgeResult }>('/api/v1/admin/retention/preview'),
  });
  const current = data.retention.raw_event_days;
  return (
    <div className="flex flex-col gap-4">
      <Card
        title="Raw events"
        description="Rollups (daily counts, buckets, templates, indicators) are kept: detection and charts still cover purged months."
      >
        <p className="mb-2 text-sm" data-testid="retention-current">
          {current === null
            ? 'Kept forever: no purge deletes anything.'
            : `Kept for ${current} days; older events are purged.`}
          {data.retention.updated_at && (
            <span className="text-slate-600">
              {' '}
              (changed {data.retention.updated_at.slice(0, 16).replace('T', ' ')} UTC)
            </span>
          )}
        </p>
        <form
          aria-label="Retention period"
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(Number(days));
          }}
        >
          <Field label="Keep raw events for (days)">
            <Input
              type="number"
              min={1}
              max={RETENTION_MAX_DAYS}
              required
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          </Field>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save
          </Button>
          <Button onClick={() => save.mutate(null)} disabled={current === null}>
            Keep forever
          </Button>
          <Button className="ml-auto" onClick={() => preview.mutate()} loading={preview.isPending}>
            Preview a purge
          </Button>
        </form>
        {(save.error ?? preview.error) && (
          <Alert className="mt-2">{(save.error ?? preview.error)!.message}</Alert>
        )}
        {preview.data && <PurgePreview r={preview.data.preview} />}
      </Card>
      <Card title="Legal holds" description="Set and lifted on each case by legal or an admin.">
        {data.holds.length === 0 ? (
          <p className="text-sm text-slate-600">No case is on hold.</p>
        ) : (
          <TableFrame>
            <Table aria-label="Active legal holds">
              <THead>
                <Tr>
                  <Th>Case</Th>
                  <Th>Reason</Th>
                  <Th>Since</Th>
                  <Th numeric>Accounts held</Th>
                </Tr>
              </THead>
              <TBody>
                {data.holds.map((h) => (
                  <Tr key={h.case_id}>
                    <Td>
                      <Link className="underline" href={`/cases/${h.case_id}`}>
                        #{h.case_number} {h.case_title}
                      </Link>
                    </Td>
                    <Td>{h.reason}</Td>
                    <Td className="whitespace-nowrap">{h.set_at.slice(0, 10)}</Td>
                    <Td numeric>{h.accounts}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </TableFrame>
        )}
      </Card>
    </div>
  );
}

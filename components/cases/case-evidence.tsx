'use client';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/form-controls';
import { fetchJson } from '@/lib/client/fetch-json';
import type { CaseDetail } from '@/lib/queries/case';
import type { AnnotationDto } from '@/lib/schemas/annotation';
import { CHART_SERIES, type ChartSeries } from '@/lib/schemas/case';
import { caseKeys, sendJson, useCaseMutation } from './cases-query';
import { PinnedChartView, SERIES_LABEL } from './pinned-chart';

/** Pinned annotated events and charts; annotations of linked accounts can be pinned from here. */
export function CaseEvidence({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const events = c.pins.filter((p) => p.kind === 'event');
  const charts = c.pins.filter((p) => p.kind === 'chart');
  return (
    <Card title="Pinned evidence" description="Annotated events and charts pinned to this case.">
      <h3 className="text-sm font-semibold">Events ({events.length})</h3>
      <ul aria-label="Pinned events" className="mb-3 flex flex-col gap-1 text-sm">
        {events.map((p) => (
          <li key={p.id} className="rounded bg-slate-50 px-2 py-1">
            <span className="font-mono text-xs">{p.event_id}</span> of {p.account_id} at{' '}
            {p.event_ts?.slice(0, 19).replace('T', ' ')} UTC
            {p.annotation && (
              <span className="text-slate-700">
                {' '}
                — {p.annotation.kind}
                {p.annotation.value ? `: “${p.annotation.value}”` : ''} by{' '}
                {p.annotation.author_email}
              </span>
            )}
          </li>
        ))}
      </ul>
      {canWrite && <PinAnnotations c={c} />}
      <h3 className="mt-3 text-sm font-semibold">Charts ({charts.length})</h3>
      <div className="flex flex-col gap-3">
        {charts.map((p) => (
          <PinnedChartView key={p.id} caseId={c.id} pinId={p.id} note={p.note} />
        ))}
      </div>
      {canWrite && c.accounts.length > 0 && <PinChartForm c={c} />}
    </Card>
  );
}

function PinAnnotations({ c }: { c: CaseDetail }) {
  const accounts = c.accounts.slice(0, 20).map((a) => a.account_id);
  const lists = useQueries({
    queries: accounts.map((a) => ({
      queryKey: caseKeys.annotations(a),
      queryFn: ({ signal }) =>
        fetchJson<{ annotations: AnnotationDto[] }>(
          `/api/v1/annotations?account=${encodeURIComponent(a)}`,
          { signal },
        ),
    })),
  });
  const pinned = new Set(c.pins.map((p) => p.annotation_id));
  const open = lists
    .flatMap((l) => l.data?.annotations ?? [])
    .filter((a) => a.subject_type === 'event' && !pinned.has(a.id));
  const pin = useCaseMutation(c.id, (annotation_id: string) =>
    sendJson(`/api/v1/cases/${c.id}/pins`, 'POST', { kind: 'event', annotation_id }),
  );
  if (open.length === 0)
    return (
      <p className="text-xs text-slate-600">
        No unpinned event annotations on the linked accounts. Star, tag or comment an event on an
        account page to pin it here.
      </p>
    );
  return (
    <div>
      <h4 className="text-xs font-semibold text-slate-700">Annotated events you can pin</h4>
      <ul aria-label="Annotated events to pin" className="flex flex-col gap-1 text-sm">
        {open.slice(0, 20).map((a) => (
          <li key={a.id} className="flex items-center justify-between gap-2">
            <span className="min-w-0 truncate" title={a.value ?? a.kind}>
              {a.account_id} · <span className="font-mono text-xs">{a.event_id}</span> · {a.kind}
              {a.value ? `: ${a.value}` : ''}
            </span>
            <Button size="sm" onClick={() => pin.mutate(a.id)} loading={pin.isPending}>
              Pin event {a.event_id}
            </Button>
          </li>
        ))}
      </ul>
      {pin.error && <Alert className="mt-1">{pin.error.message}</Alert>}
    </div>
  );
}

function PinChartForm({ c }: { c: CaseDetail }) {
  // Default window: the 30 days before the first account was linked (when the analyst looked).
  const linkedAt = c.accounts[0]!.linked_at;
  const today = linkedAt.slice(0, 10);
  const monthAgo = new Date(Date.parse(linkedAt) - 30 * 864e5).toISOString().slice(0, 10);
  const [account, setAccount] = useState(c.accounts[0]!.account_id);
  const [series, setSeries] = useState<ChartSeries>('events');
  const [from, setFrom] = useState(monthAgo);
  const [to, setTo] = useState(today);
  const pin = useCaseMutation(c.id, () =>
    sendJson(`/api/v1/cases/${c.id}/pins`, 'POST', {
      kind: 'chart',
      chart: { account_id: account, series, from, to },
    }),
  );
  return (
    <form
      aria-label="Pin a chart"
      className="mt-3 flex flex-wrap items-end gap-2 border-t border-slate-200 pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        pin.mutate(undefined);
      }}
    >
      <Field label="Account">
        <Select value={account} onChange={(e) => setAccount(e.target.value)} controlSize="sm">
          {c.accounts.map((a) => (
            <option key={a.account_id}>{a.account_id}</option>
          ))}
        </Select>
      </Field>
      <Field label="Series">
        <Select
          value={series}
          onChange={(e) => setSeries(e.target.value as ChartSeries)}
          controlSize="sm"
        >
          {CHART_SERIES.map((s) => (
            <option key={s} value={s}>
              {SERIES_LABEL[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="From">
        <Input
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          controlSize="sm"
        />
      </Field>
      <Field label="To">
        <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} controlSize="sm" />
      </Field>
      <Button type="submit" size="sm" loading={pin.isPending}>
        Pin chart
      </Button>
      {pin.error && <Alert className="w-full">{pin.error.message}</Alert>}
    </form>
  );
}

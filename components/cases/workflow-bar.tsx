'use client';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select, Textarea } from '@/components/ui/form-controls';
import { cx } from '@/components/ui/cx';
import type { CaseDetail } from '@/lib/queries/case';
import {
  CASE_OUTCOME_LABEL,
  CASE_OUTCOMES,
  CASE_STATUS_LABEL,
  CASE_TRANSITIONS,
  type CaseOutcome,
  type CaseStatus,
} from '@/lib/schemas/case';
import { sendJson, useCaseMutation } from './cases-query';

const PATH: CaseStatus[] = [
  'new',
  'triage',
  'investigating',
  'pending_legal',
  'actioned',
  'closed',
];

/** The workflow as a stepper, the allowed next steps as buttons, and the close form. */
export function WorkflowBar({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const [closing, setClosing] = useState(false);
  const move = useCaseMutation(c.id, (to: CaseStatus) =>
    sendJson(`/api/v1/cases/${c.id}/status`, 'POST', { to, version: c.version }),
  );
  const next = CASE_TRANSITIONS[c.status];
  return (
    <section aria-label="Workflow" className="rounded-lg border border-slate-200 bg-white p-4">
      <ol className="mb-3 flex flex-wrap items-center gap-1 text-sm">
        {PATH.map((s, i) => (
          <li key={s} className="flex items-center gap-1">
            {i > 0 && (
              <span aria-hidden="true" className="text-slate-400">
                →
              </span>
            )}
            <span
              aria-current={s === c.status ? 'step' : undefined}
              className={cx(
                'rounded px-2 py-0.5',
                s === c.status ? 'bg-slate-900 font-semibold text-white' : 'text-slate-700',
              )}
            >
              {CASE_STATUS_LABEL[s]}
            </span>
          </li>
        ))}
      </ol>
      {canWrite && (
        <div className="flex flex-wrap gap-2">
          {next.map((to) =>
            to === 'closed' ? (
              <Button key={to} variant="danger" onClick={() => setClosing(true)}>
                Close case…
              </Button>
            ) : (
              <Button key={to} loading={move.isPending} onClick={() => move.mutate(to)}>
                {c.status === 'closed' ? 'Reopen' : 'Move'} to {CASE_STATUS_LABEL[to]}
              </Button>
            ),
          )}
        </div>
      )}
      {move.error && (
        <Alert tone="error" className="mt-2">
          {move.error.message}
        </Alert>
      )}
      {closing && <CloseForm c={c} onDone={() => setClosing(false)} />}
    </section>
  );
}

function CloseForm({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [all, setAll] = useState<CaseOutcome | ''>('');
  const [outcomes, setOutcomes] = useState<Record<string, CaseOutcome | ''>>({});
  const close = useCaseMutation(
    c.id,
    () =>
      sendJson(`/api/v1/cases/${c.id}/status`, 'POST', {
        to: 'closed',
        version: c.version,
        reason,
        outcomes: Object.fromEntries(
          c.accounts.map((a) => [a.account_id, outcomes[a.account_id] || all]),
        ),
      }),
    onDone,
  );
  return (
    <form
      aria-label="Close case"
      className="mt-3 flex flex-col gap-3 border-t border-slate-200 pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        close.mutate(undefined);
      }}
    >
      <Field label="Reason for closing" hint="Kept in the audit log and on each disposition.">
        <Textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required />
      </Field>
      {c.accounts.length > 0 && (
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="mb-1 font-medium">Outcome per linked account</legend>
          <Field label="Outcome for every account not set below">
            <Select value={all} onChange={(e) => setAll(e.target.value as CaseOutcome | '')}>
              <option value="">choose…</option>
              {CASE_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {CASE_OUTCOME_LABEL[o]}
                </option>
              ))}
            </Select>
          </Field>
          <div className="grid max-h-64 grid-cols-2 gap-2 overflow-y-auto">
            {c.accounts.map((a) => (
              <Field key={a.account_id} label={`Outcome for ${a.account_id}`}>
                <Select
                  value={outcomes[a.account_id] ?? ''}
                  onChange={(e) =>
                    setOutcomes({ ...outcomes, [a.account_id]: e.target.value as CaseOutcome })
                  }
                >
                  <option value="">
                    {all ? `as above (${CASE_OUTCOME_LABEL[all]})` : 'choose…'}
                  </option>
                  {CASE_OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {CASE_OUTCOME_LABEL[o]}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
        </fieldset>
      )}
      {close.error && <Alert tone="error">{close.error.message}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" variant="danger" loading={close.isPending}>
          Close case
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

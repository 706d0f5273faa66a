'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/form-controls';
import { EyeIcon } from '@/components/ui/icons';
import type { RevealedEvent } from '@/lib/events/reveal';
import { useReveal } from './account-query';

// Reveal of masked text, offered only when something on the event is masked. It asks why first:
// the reason goes into the audit row ('event.reveal'), the log a reviewer reads. The server
// refuses a reveal without one, naming the field.
export function RevealControl({
  account,
  eventId,
  eventTs,
  onRevealed,
}: {
  account: string;
  eventId: string;
  eventTs: string;
  onRevealed: (e: RevealedEvent) => void;
}) {
  const reveal = useReveal();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!asking)
    return (
      <Button variant="ghost" size="sm" onClick={() => setAsking(true)}>
        <EyeIcon className="h-3.5 w-3.5" />
        Reveal masked text…
      </Button>
    );
  const submit = () => {
    if (reason.trim().length < 5)
      return setProblem('Say why you need the unmasked text (at least 5 characters).');
    setProblem(null);
    reveal.mutate(
      { account_id: account, event_id: eventId, event_ts: eventTs, reason },
      { onSuccess: (r) => onRevealed(r.event) },
    );
  };
  const message = problem ?? reveal.error?.message;
  return (
    <form
      className="flex w-full flex-wrap items-center gap-2 text-xs"
      onSubmit={(ev) => {
        ev.preventDefault();
        submit();
      }}
    >
      <Input
        autoFocus
        aria-label="Reason for revealing"
        placeholder="Why do you need the unmasked text? (logged)"
        value={reason}
        onChange={(ev) => setReason(ev.target.value)}
        controlSize="sm"
        className="min-w-64 flex-1"
      />
      <Button type="submit" size="sm" variant="primary" loading={reveal.isPending}>
        Reveal (logged)
      </Button>
      <Button type="button" size="sm" onClick={() => setAsking(false)}>
        Cancel
      </Button>
      {message && (
        <p role="alert" className="w-full text-red-700">
          {message}
        </p>
      )}
    </form>
  );
}

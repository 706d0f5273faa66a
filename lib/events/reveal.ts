import type { AuditFn } from '@/lib/audit/write';
import type { Tx } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import type { TRevealBody } from '@/lib/schemas/reveal';

export interface RevealedEvent {
  id: string;
  ts: string;
  system_prompt: string | null;
  prompt: string | null;
  response: string | null;
}

const MAX = 50_000;

/**
 * Returns an event's unredacted text. The audit row ('event.reveal') is written in the same
 * transaction: if it cannot be recorded, nothing is revealed. The audit log is the reveal log.
 */
export async function revealEvent(tx: Tx, audit: AuditFn, b: TRevealBody): Promise<RevealedEvent> {
  const r = await tx.$queryRaw<
    Array<{
      id: string;
      ts: Date;
      system_prompt: string | null;
      prompt: string | null;
      response: string | null;
    }>
  >`
    SELECT id, ts, left(system_prompt, ${MAX}) AS system_prompt, left(prompt, ${MAX}) AS prompt, left(response, ${MAX}) AS response
    FROM events WHERE id = ${b.event_id} AND ts = ${new Date(b.event_ts)} AND account_id = ${b.account_id} LIMIT 1`;
  const e = r[0];
  if (!e) throw new NotFoundError('Event not found');
  await audit({
    action: 'event.reveal',
    targetType: 'event',
    targetId: e.id,
    after: { account_id: b.account_id, ts: e.ts.toISOString() },
    reason: b.reason,
  });
  return {
    id: e.id,
    ts: e.ts.toISOString(),
    system_prompt: e.system_prompt,
    prompt: e.prompt,
    response: e.response,
  };
}

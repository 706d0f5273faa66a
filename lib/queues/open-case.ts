import 'server-only';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db/client';
import { ConflictError } from '@/lib/errors';
import { createCase } from '@/lib/cases/create';
import { ZCaseCreate } from '@/lib/schemas/case';
import type { TItemOpenCase } from '@/lib/schemas/queue';
import { txDb } from './db';
import { applyItemStep, lockItems } from './item-actions';

/**
 * Opens a case from a queue item and decides the item (resolution 'case_opened') in the same
 * transaction, so a case never exists for an item that still waits in its queue, and the item's
 * decision clock (SLA) stops when the case opens. The case links the item's subject with the risk
 * and reasons at this moment (lib/cases).
 */
export async function openCaseFromItem(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  itemId: string,
  input: TItemOpenCase,
): Promise<{ caseId: string; caseNumber: number }> {
  const db = txDb(tx);
  const [item] = await lockItems(db, user, [itemId]);
  if (item!.status !== 'open') throw new ConflictError(`Queue item ${itemId} is already closed`);
  const created = await createCase(
    tx,
    audit,
    user,
    ZCaseCreate.parse({
      title: input.title,
      severity: input.severity,
      source: { kind: 'queue_item', queue_item_id: item!.id },
    }),
  );
  await applyItemStep(db, audit, user, item!, {
    action: 'resolve',
    resolution: 'case_opened',
    reason: `Case #${created.number} opened`,
  });
  return { caseId: created.id, caseNumber: created.number };
}

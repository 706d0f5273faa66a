import 'server-only';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import type { TBulkItems } from '@/lib/schemas/queue';
import type { Db } from './db';
import { applyItemStep, lockItems } from './item-actions';

export interface BulkPreview {
  preview: true;
  count: number;
  byQueue: Record<string, number>;
}
export interface BulkDone {
  preview: false;
  count: number;
}

/**
 * A bulk step over queue items: all or nothing. The caller runs it in one transaction
 * (ctx.change); every item is locked first, then each step runs through the same code as a
 * single-item action with its own audit row, and the first refusal (closed item, non-member
 * assignee, unknown id) throws and rolls back every item. `preview` locks and counts only.
 */
export async function bulkItems(
  db: Db,
  audit: AuditFn,
  user: SessionUser,
  input: TBulkItems,
): Promise<BulkPreview | BulkDone> {
  const ids = [...new Set(input.ids)];
  const items = await lockItems(db, user, ids);
  if (input.preview) {
    const byQueue: Record<string, number> = {};
    for (const i of items) byQueue[i.queue_id] = (byQueue[i.queue_id] ?? 0) + 1;
    return { preview: true, count: items.length, byQueue };
  }
  for (const item of items) {
    const step =
      input.action === 'assign'
        ? { action: 'reassign' as const, assigneeId: input.assigneeId, reason: input.reason }
        : input.action === 'snooze'
          ? { action: 'snooze' as const, until: input.until, reason: input.reason }
          : { action: 'release' as const, reason: input.reason };
    await applyItemStep(db, audit, user, item, step, { bulk: true });
  }
  return { preview: false, count: items.length };
}

import type { Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import type { TCaseUpdate } from '@/lib/schemas/case';
import { prismaRunner } from '@/lib/audit/runners';
import { assertUsers } from './create';
import { caseAssignedSummary, notify } from './inbox';
import { bumpVersion, currentValues, lockCase, type CaseCurrent, type LockedCase } from './lock';

type Fields = Omit<TCaseUpdate, 'version'>;

/** Applies field edits to a locked case; returns the before/after of what actually changed. */
export async function applyFields(
  tx: Tx,
  c: LockedCase,
  input: Fields,
): Promise<{ before: Record<string, unknown>; after: Record<string, unknown> }> {
  const cur = currentValues(c) as Record<string, unknown>;
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const want: Record<string, unknown> = {
    ...input,
    ...(input.tags ? { tags: [...new Set(input.tags)] } : {}),
    ...(input.watcher_ids ? { watcher_ids: [...new Set(input.watcher_ids)] } : {}),
  };
  for (const [k, v] of Object.entries(want)) {
    if (v === undefined || JSON.stringify(cur[k]) === JSON.stringify(v)) continue;
    before[k] = cur[k];
    after[k] = v;
  }
  if (after.assignee_id) await assertUsers(tx, [after.assignee_id as string], 'assignee_id');
  if (after.watcher_ids) {
    const ids = after.watcher_ids as string[];
    await assertUsers(tx, ids, 'watcher_ids');
    await tx.caseWatcher.deleteMany({ where: { case_id: c.id, user_id: { notIn: ids } } });
    await tx.caseWatcher.createMany({
      data: ids.map((user_id) => ({ case_id: c.id, user_id })),
      skipDuplicates: true,
    });
  }
  const { watcher_ids: _w, ...columns } = after;
  if (Object.keys(columns).length)
    await tx.case.update({ where: { id: c.id }, data: columns as Partial<Fields> });
  return { before, after };
}

/**
 * Edits a case's fields. Based on a stale version → StaleVersionError with the current values
 * (nothing is written; the client keeps the user's edit and shows what changed).
 */
export async function updateCase(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  id: string,
  input: TCaseUpdate,
): Promise<{ version: number; changed: string[]; current: CaseCurrent }> {
  const { version, ...fields } = input;
  const c = await lockCase(tx, user, id, version);
  const { before, after } = await applyFields(tx, c, fields);
  const changed = Object.keys(after);
  if (changed.length === 0) return { version: c.version, changed, current: currentValues(c) };
  const next = await bumpVersion(tx, c);
  if (typeof after.assignee_id === 'string')
    await notify(prismaRunner(tx), user.id, [
      {
        user_id: after.assignee_id,
        kind: 'case_assigned',
        case_id: c.id,
        summary: caseAssignedSummary({
          number: c.number,
          title: (after.title as string) ?? c.title,
        }),
      },
    ]);
  await audit({
    action: 'case.update',
    targetType: 'case',
    targetId: c.id,
    before,
    after: { ...after, version: next },
  });
  const fresh = await lockCase(tx, user, id);
  return { version: next, changed, current: currentValues(fresh) };
}

import type { Tx } from '@/lib/db/client';
import { canViewCase, type SessionUser } from '@/lib/auth/permissions';
import { NotFoundError, StaleVersionError } from '@/lib/errors';
import type { Case } from '@/lib/generated/prisma/client';

export type LockedCase = Case & { watcher_ids: string[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The fields a stale writer gets back, so the UI can show what changed under them. */
export function currentValues(c: LockedCase) {
  return {
    version: c.version,
    title: c.title,
    summary: c.summary,
    severity: c.severity,
    status: c.status,
    restricted: c.restricted,
    assignee_id: c.assignee_id,
    watcher_ids: c.watcher_ids,
    tags: c.tags,
    updated_at: c.updated_at.toISOString(),
  };
}
export type CaseCurrent = ReturnType<typeof currentValues>;

/**
 * Locks the case row for the rest of the transaction (FOR UPDATE: two writers of one case queue
 * here, so the version check below cannot race), hides it from users who may not see it (404,
 * like an unknown id), and, when `version` is given, refuses a stale one with the current values.
 */
export async function lockCase(
  tx: Tx,
  user: SessionUser,
  id: string,
  version?: number,
): Promise<LockedCase> {
  if (!UUID.test(id)) throw new NotFoundError('Case not found');
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM cases WHERE id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError('Case not found');
  const row = await tx.case.findUniqueOrThrow({ where: { id }, include: { watchers: true } });
  const { watchers, ...c } = row;
  const locked2: LockedCase = { ...c, watcher_ids: watchers.map((w) => w.user_id) };
  if (!canViewCase(user, locked2)) throw new NotFoundError('Case not found');
  if (version !== undefined && version !== c.version)
    throw new StaleVersionError(
      `Case #${c.number} changed since you loaded it (your version ${version}, now ${c.version})`,
      { current: currentValues(locked2) },
    );
  return locked2;
}

/** Bumps the version and updated_at; returns the new version. */
export async function bumpVersion(tx: Tx, c: LockedCase): Promise<number> {
  const r = await tx.case.update({
    where: { id: c.id },
    data: { version: { increment: 1 }, updated_at: new Date() },
    select: { version: true },
  });
  return r.version;
}

/** Touches updated_at without a new version (evidence and tasks do not conflict with edits). */
export async function touchCase(tx: Tx, c: LockedCase): Promise<void> {
  await tx.case.update({ where: { id: c.id }, data: { updated_at: new Date() } });
}

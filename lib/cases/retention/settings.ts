import type { Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import { ZRetentionSettings, type TRetentionSettings } from '@/lib/schemas/retention';

// How long raw events are kept: one row in `settings`. Unset (or null) keeps events forever, so a
// fresh install never deletes anything until an admin chooses a period.
export const RETENTION_KEY = 'retention';

/** The stored value, or "keep forever" when absent or unreadable. */
export function parseRetention(value: unknown): TRetentionSettings {
  const r = ZRetentionSettings.safeParse(value);
  return r.success ? r.data : { raw_event_days: null };
}

export interface RetentionView extends TRetentionSettings {
  updated_at: string | null;
  updated_by: string | null;
}

export async function getRetention(db: Pick<Tx, 'setting'>): Promise<RetentionView> {
  const row = await db.setting.findUnique({ where: { key: RETENTION_KEY } });
  return {
    ...parseRetention(row?.value),
    updated_at: row?.updated_at.toISOString() ?? null,
    updated_by: row?.updated_by ?? null,
  };
}

/** Sets the retention period, audited with the value it replaced. */
export async function updateRetention(
  tx: Tx,
  audit: AuditFn,
  userId: string,
  input: TRetentionSettings,
): Promise<void> {
  // Row lock so two admins' edits are recorded in the order they took effect.
  const rows = await tx.$queryRaw<{ value: unknown }[]>`
    SELECT value FROM settings WHERE key = ${RETENTION_KEY} FOR UPDATE`;
  const before = rows[0] ? parseRetention(rows[0].value) : null;
  await tx.setting.upsert({
    where: { key: RETENTION_KEY },
    create: { key: RETENTION_KEY, value: input, updated_by: userId },
    update: { value: input, updated_by: userId, updated_at: new Date() },
  });
  await audit({
    action: 'settings.retention.update',
    targetType: 'setting',
    targetId: RETENTION_KEY,
    before,
    after: { raw_event_days: input.raw_event_days },
  });
}

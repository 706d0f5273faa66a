import { withRoute } from '@/lib/api/route';
import { prisma } from '@/lib/db/client';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  mergeSettings,
  ZDetectSettings,
} from '@/lib/detect/settings';

async function current() {
  const row = await prisma.setting.findUnique({ where: { key: SETTINGS_KEY } });
  return {
    settings: mergeSettings(row?.value),
    defaults: DEFAULT_SETTINGS,
    updated_at: row?.updated_at ?? null,
    updated_by: row?.updated_by ?? null,
  };
}

/** GET: effective detection thresholds and weights (stored values over the code defaults). */
export const GET = withRoute({ permission: 'settings:manage' }, async () => current());

/** PUT: replace thresholds/weights (a partial object merges over the defaults); audited in the same transaction. */
export const PUT = withRoute(
  { permission: 'settings:manage', body: ZDetectSettings.partial() },
  async ({ body, user, change }) => {
    const next = mergeSettings(body);
    await change(async (tx, audit) => {
      const before = await tx.setting.findUnique({ where: { key: SETTINGS_KEY } });
      await tx.setting.upsert({
        where: { key: SETTINGS_KEY },
        create: { key: SETTINGS_KEY, value: next, updated_by: user.id },
        update: { value: next, updated_by: user.id, updated_at: new Date() },
      });
      await audit({
        action: 'settings.detection.update',
        targetType: 'setting',
        targetId: SETTINGS_KEY,
        before: before?.value ?? null,
        after: next,
      });
    });
    return current();
  },
);

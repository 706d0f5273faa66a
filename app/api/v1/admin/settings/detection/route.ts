import { withRoute } from '@/lib/api/route';
import { prisma } from '@/lib/db/client';
import { settingsOverview, updateDetectSettings } from '@/lib/detect/settings-store';
import { ZDetectSettingsUpdate } from '@/lib/schemas/detect-settings';

/** GET: effective detection settings, the code defaults, the version in force and its history. */
export const GET = withRoute({ permission: 'settings:manage' }, async () =>
  settingsOverview(prisma),
);

/**
 * PUT: replace thresholds/weights (a partial object merges over the defaults; `npm run
 * detect:calibrate` writes one) as a new settings version, audited in the same transaction.
 */
export const PUT = withRoute(
  { permission: 'settings:manage', body: ZDetectSettingsUpdate },
  async ({ body, user, change }) => {
    await change((tx, audit) => updateDetectSettings(tx, audit, user.id, body));
    return settingsOverview(prisma);
  },
);

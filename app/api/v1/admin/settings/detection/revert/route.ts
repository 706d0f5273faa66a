import { withRoute } from '@/lib/api/route';
import { prisma } from '@/lib/db/client';
import { revertDetectSettings, settingsOverview } from '@/lib/detect/settings-store';
import { ZDetectSettingsRevert } from '@/lib/schemas/detect-settings';

/** POST: put an earlier settings version back in force (recorded as a new version), audited. */
export const POST = withRoute(
  { permission: 'settings:manage', body: ZDetectSettingsRevert },
  async ({ body, user, change }) => {
    await change((tx, audit) => revertDetectSettings(tx, audit, user.id, body));
    return settingsOverview(prisma);
  },
);

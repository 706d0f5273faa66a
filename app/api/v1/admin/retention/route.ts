import { withRoute } from '@/lib/api/route';
import { prisma } from '@/lib/db/client';
import { getRetention, updateRetention } from '@/lib/cases/retention/settings';
import { listActiveHolds } from '@/lib/queries/holds';
import { ZRetentionSettings } from '@/lib/schemas/retention';

/** How long raw events are kept, and the holds a purge respects. */
export const GET = withRoute({ permission: 'settings:manage' }, async () => ({
  retention: await getRetention(prisma),
  holds: await listActiveHolds(),
}));

/** Sets the retention period (null keeps events forever), audited. */
export const PUT = withRoute(
  { permission: 'settings:manage', body: ZRetentionSettings },
  async ({ body, user, change }) => {
    await change((tx, audit) => updateRetention(tx, audit, user.id, body));
    return { retention: await getRetention(prisma) };
  },
);

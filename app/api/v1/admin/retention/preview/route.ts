import { withRoute } from '@/lib/api/route';
import { pgPool } from '@/lib/db/client';
import { purgeOldEvents } from '@/lib/cases/retention/purge';

/** What a purge would delete now (a dry run: counts per partition, nothing deleted). */
export const GET = withRoute({ permission: 'settings:manage' }, async () => ({
  preview: await purgeOldEvents(pgPool(), { dryRun: true }),
}));

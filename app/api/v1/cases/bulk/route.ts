import { withRoute } from '@/lib/api/route';
import { applyBulk } from '@/lib/cases/bulk';
import { ZCaseBulk } from '@/lib/schemas/case';

export const POST = withRoute(
  { permission: 'cases:write', body: ZCaseBulk },
  async ({ body, user, change }) => change((tx, audit) => applyBulk(tx, audit, user, body)),
);

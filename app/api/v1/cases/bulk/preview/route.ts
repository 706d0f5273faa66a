import { withRoute } from '@/lib/api/route';
import { previewBulk } from '@/lib/cases/bulk';
import { ZCaseBulk } from '@/lib/schemas/case';

const ZPreview = ZCaseBulk.pick({ cases: true, change: true });

export const POST = withRoute(
  { permission: 'cases:write', body: ZPreview },
  async ({ body, user }) => previewBulk(user, body),
);

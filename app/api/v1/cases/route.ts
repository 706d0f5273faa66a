import { withRoute } from '@/lib/api/route';
import { createCase } from '@/lib/cases/create';
import { listCases } from '@/lib/queries/cases-list';
import { ZCaseCreate, ZCaseListQuery } from '@/lib/schemas/case';

export const GET = withRoute(
  { permission: 'cases:view', query: ZCaseListQuery },
  async ({ query, user }) => listCases(user, query),
);

export const POST = withRoute(
  { permission: 'cases:write', body: ZCaseCreate },
  async ({ body, user, change }) => ({
    case: await change((tx, audit) => createCase(tx, audit, user, body)),
  }),
);

import { withRoute } from '@/lib/api/route';
import { updateCase } from '@/lib/cases/update';
import { getCase } from '@/lib/queries/case';
import { getCaseActivity } from '@/lib/queries/case-activity';
import { ZCaseId, ZCaseUpdate } from '@/lib/schemas/case';

export const GET = withRoute(
  { permission: 'cases:view', params: ZCaseId },
  async ({ params, user }) => {
    const c = await getCase(user, params.id); // 404 for unknown and for restricted-to-others
    return { case: c, activity: await getCaseActivity(c.id) };
  },
);

export const PATCH = withRoute(
  { permission: 'cases:write', params: ZCaseId, body: ZCaseUpdate },
  async ({ params, body, user, change }) =>
    change((tx, audit) => updateCase(tx, audit, user, params.id, body)),
);

import { withRoute } from '@/lib/api/route';
import { addCaseLinks, removeCaseLink } from '@/lib/cases/links';
import { ZCaseId, ZCaseLink, ZCaseUnlink } from '@/lib/schemas/case';

export const POST = withRoute(
  { permission: 'cases:write', params: ZCaseId, body: ZCaseLink },
  async ({ params, body, user, change }) =>
    change((tx, audit) => addCaseLinks(tx, audit, user, params.id, body)),
);

export const DELETE = withRoute(
  { permission: 'cases:write', params: ZCaseId, body: ZCaseUnlink },
  async ({ params, body, user, change }) =>
    change((tx, audit) => removeCaseLink(tx, audit, user, params.id, body)),
);

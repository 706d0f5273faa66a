import { withRoute } from '@/lib/api/route';
import { unlinkClause } from '@/lib/cases/clause-links';
import { ZClauseLinkParams } from '@/lib/schemas/clause';

export const DELETE = withRoute(
  { permission: 'cases:legal', params: ZClauseLinkParams },
  async ({ params, user, change }) => {
    await change((tx, audit) => unlinkClause(tx, audit, user, params.id, BigInt(params.linkId)));
    return { ok: true };
  },
);

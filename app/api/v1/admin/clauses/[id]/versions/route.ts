import { withRoute } from '@/lib/api/route';
import { addClauseVersion } from '@/lib/cases/clauses';
import { ZClauseId, ZClauseVersionInput } from '@/lib/schemas/clause';

/** A new version of a clause (the way to change a clause whose current version is in force). */
export const POST = withRoute(
  { permission: 'clauses:manage', params: ZClauseId, body: ZClauseVersionInput },
  async ({ params, body, user, change }) => ({
    version: await change((tx, audit) => addClauseVersion(tx, audit, user, params.id, body)),
  }),
);

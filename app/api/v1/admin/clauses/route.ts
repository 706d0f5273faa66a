import { withRoute } from '@/lib/api/route';
import { createClause } from '@/lib/cases/clauses';
import { listClauses } from '@/lib/queries/clauses';
import { ZClauseCreate } from '@/lib/schemas/clause';

export const GET = withRoute({ permission: 'clauses:manage' }, async () => ({
  clauses: await listClauses(),
}));

export const POST = withRoute(
  { permission: 'clauses:manage', body: ZClauseCreate },
  async ({ body, user, change }) => ({
    clause: await change((tx, audit) => createClause(tx, audit, user, body)),
  }),
);

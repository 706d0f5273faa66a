import { withRoute } from '@/lib/api/route';
import { linkClause } from '@/lib/cases/clause-links';
import { getCaseClauseLinks, listClauses } from '@/lib/queries/clauses';
import { ZCaseId } from '@/lib/schemas/case';
import { ZClauseLinkCreate } from '@/lib/schemas/clause';

/** The case's clause links, and the catalogue to pick from. */
export const GET = withRoute(
  { permission: 'cases:view', params: ZCaseId },
  async ({ params, user }) => ({
    links: await getCaseClauseLinks(user, params.id),
    catalogue: await listClauses(),
  }),
);

/** Links a clause for one linked account; the server picks the version in force at the conduct. */
export const POST = withRoute(
  { permission: 'cases:legal', params: ZCaseId, body: ZClauseLinkCreate },
  async ({ params, body, user, change }) => ({
    link: await change((tx, audit) => linkClause(tx, audit, user, params.id, body)),
  }),
);

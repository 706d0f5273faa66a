import { withRoute } from '@/lib/api/route';
import { updateClauseVersion } from '@/lib/cases/clauses';
import { ZClauseVersionInput, ZClauseVersionParams } from '@/lib/schemas/clause';

/** Corrects a version not yet in force; one in force answers 409 (add a new version). */
export const PATCH = withRoute(
  { permission: 'clauses:manage', params: ZClauseVersionParams, body: ZClauseVersionInput },
  async ({ params, body, change }) => {
    await change((tx, audit) => updateClauseVersion(tx, audit, params.id, params.versionId, body));
    return { ok: true };
  },
);

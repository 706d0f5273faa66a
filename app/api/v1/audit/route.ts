import { withRoute } from '@/lib/api/route';
import { listAudit, ZAuditFilter } from '@/lib/audit/queries';

export const GET = withRoute({ permission: 'audit:view', query: ZAuditFilter }, async ({ query }) =>
  listAudit(query),
);

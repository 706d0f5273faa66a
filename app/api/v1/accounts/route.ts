import { withRoute } from '@/lib/api/route';
import { listAccounts } from '@/lib/queries/accounts-list';
import { ZAccountQuery } from '@/lib/queries/account-filter';

/**
 * GET /api/v1/accounts: the one account list, for API clients and the accounts table alike.
 * `?flagged=true` lists what detection flagged; the table's filters, sort and page are the same
 * query parameters as its URL (q, risk_min, risk_max, signal, status, cluster, from, to, model,
 * country, sort, dir, page, size).
 */
export const GET = withRoute(
  { permission: 'accounts:view', query: ZAccountQuery },
  async ({ query }) => listAccounts(query),
);

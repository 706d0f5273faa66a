import { withRoute } from '@/lib/api/route';
import { listAccounts } from '@/lib/queries/accounts-list';
import { ZAccountQuery } from '@/lib/queries/account-filter';

// The accounts table: filters, sort and page come straight from the page's URL state.
export const GET = withRoute(
  { permission: 'accounts:view', query: ZAccountQuery },
  async ({ query }) => listAccounts(query),
);

import { withRoute } from '@/lib/api/route';
import { listSavedViews, saveView } from '@/lib/saved-views/saved-views';
import { ZSavedViewCreate, ZSavedViewList } from '@/lib/schemas/saved-view';

// Saved views are personal: every read and write is scoped to the signed-in user.
export const GET = withRoute(
  { permission: 'accounts:view', query: ZSavedViewList },
  async ({ query, user }) => ({
    views: await listSavedViews(user.id, query.page),
  }),
);

export const POST = withRoute(
  { permission: 'accounts:view', body: ZSavedViewCreate },
  async ({ body, user, change }) => ({
    view: await change((tx, audit) => saveView(tx, audit, user.id, body)),
  }),
);

import { withRoute } from '@/lib/api/route';
import { prisma } from '@/lib/db/client';
import { createIngestToken, listIngestTokens } from '@/lib/ingest/tokens';
import { ZIngestTokenCreate } from '@/lib/schemas/ingest-token';

export const GET = withRoute({ permission: 'ingest:manage' }, async () => ({
  tokens: await listIngestTokens(prisma),
}));

/** The plain token is in this response only; the database keeps its SHA-256. */
export const POST = withRoute(
  { permission: 'ingest:manage', body: ZIngestTokenCreate },
  async ({ body, user, change }) => ({
    token: await change((tx, audit) =>
      createIngestToken(
        tx,
        audit,
        {
          name: body.name,
          scopes: body.scopes,
          expiresAt: body.expires_at ? new Date(body.expires_at) : null,
        },
        user.id,
      ),
    ),
  }),
);

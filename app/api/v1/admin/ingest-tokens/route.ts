import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { prisma } from '@/lib/db/client';
import { createIngestToken, listIngestTokens } from '@/lib/ingest/tokens';

const ZCreate = z.object({ name: z.string().trim().min(1).max(100) });

export const GET = withRoute({ permission: 'ingest:manage' }, async () => ({
  tokens: await listIngestTokens(prisma),
}));

/** The plain token is in this response only; the database keeps its SHA-256. */
export const POST = withRoute(
  { permission: 'ingest:manage', body: ZCreate },
  async ({ body, user, change }) => ({
    token: await change((tx, audit) => createIngestToken(tx, audit, body.name, user.id)),
  }),
);

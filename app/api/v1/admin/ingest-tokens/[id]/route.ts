import { z } from 'zod';
import { notFound } from '@/lib/api/errors';
import { withRoute } from '@/lib/api/route';
import { revokeIngestToken } from '@/lib/ingest/tokens';

const ZParams = z.object({ id: z.string().uuid() });

/** Revokes (never deletes: runs and audit rows keep pointing at it). */
export const DELETE = withRoute(
  { permission: 'ingest:manage', params: ZParams },
  async ({ params, change }) => {
    const token = await change((tx, audit) => revokeIngestToken(tx, audit, params.id));
    if (!token) throw notFound('No such ingest token');
    return { token };
  },
);

import { NextResponse, type NextRequest } from 'next/server';
import { pgPool } from '@/lib/db/client';
import { assertTokenLive, verifyIngestToken, type TokenIdentity } from '@/lib/ingest/tokens';
import type { IngestScope } from '@/lib/schemas/ingest-token';
import type { IngestOptions } from '@/lib/ingest/types';
import { ApiError, toErrorResponse } from './errors';
import { requestIdOf } from './request-id';

export interface IngestRouteContext {
  req: NextRequest;
  token: TokenIdentity;
  requestId: string;
  /** for the pipeline: refuses the next batch once the token is revoked or expired */
  guard: NonNullable<IngestOptions['guard']>;
}

export type IngestRouteHandler = ((req: NextRequest) => Promise<Response>) & {
  permission: 'ingest-token';
};

/**
 * Like withRoute, for machine clients: authenticates `Authorization: Bearer <ingest token>`
 * (created and revoked by admins under /api/v1/admin/ingest-tokens) instead of a session.
 * Errors map to `{ error: { code, message, field? } }`.
 */
export function withIngestToken(
  scope: IngestScope,
  handler: (ctx: IngestRouteContext) => Promise<Response | unknown>,
): IngestRouteHandler {
  const fn = async (req: NextRequest) => {
    const requestId = requestIdOf(req.headers);
    try {
      const token = await verifyIngestToken(pgPool(), req.headers.get('authorization'));
      if (!token)
        throw new ApiError(
          401,
          'unauthenticated',
          'A valid ingest token is required (Authorization: Bearer dwi_…); this one is missing, unknown, revoked or expired',
        );
      if (!token.scopes.includes(scope))
        throw new ApiError(
          403,
          'forbidden',
          `This ingest token may feed ${token.scopes.join(' and ')} only, not ${scope}`,
        );
      const guard = (client: Parameters<IngestRouteContext['guard']>[0]) =>
        assertTokenLive(client, token.id);
      const result = await handler({ req, token, requestId, guard });
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? { ok: true }, { headers: { 'x-request-id': requestId } });
    } catch (e) {
      return toErrorResponse(e, requestId);
    }
  };
  return Object.assign(fn, { permission: 'ingest-token' as const });
}

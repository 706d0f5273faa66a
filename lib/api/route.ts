import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import type { Tx } from '@/lib/db/client';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can, type Permission, type SessionUser } from '@/lib/auth/permissions';
import type { AuditFn } from '@/lib/audit/write';
import { auditedTransaction } from '@/lib/audit/transaction';
import { recordAccessDenied } from '@/lib/audit/access-denied';
import { ApiError, toErrorResponse } from './errors';
import { requestIdOf } from './request-id';
import { readJsonBody } from './body';

export interface RouteContext<Q, B, P> {
  req: NextRequest;
  user: SessionUser;
  query: Q;
  body: B;
  params: P;
  requestId: string;
  /** Runs `fn` in one transaction; every `audit()` call inside commits with the change. */
  change<T>(fn: (tx: Tx, audit: AuditFn) => Promise<T>): Promise<T>;
}

interface RouteOptions<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> {
  permission: Permission;
  /** The one kind of route a user whose password must be changed may call (issue #12). */
  passwordChange?: true;
  query?: Q;
  body?: B;
  params?: P;
}

type Out<S> = S extends z.ZodType ? z.infer<S> : undefined;

export type RouteHandler = ((
  req: NextRequest,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>) & {
  permission: Permission;
};

/**
 * The one wrapper for every route handler: session → permission → zod parsing → handler,
 * with errors mapped to `{ error: { code, message, field? } }`. A caller without the permission
 * gets 403 (401 when not signed in), recorded as 'access.denied'; handlers answer ids the user
 * may not see with 404.
 */
export function withRoute<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType>(
  opts: RouteOptions<Q, B, P>,
  handler: (ctx: RouteContext<Out<Q>, Out<B>, Out<P>>) => Promise<Response | unknown>,
): RouteHandler {
  const fn = async (req: NextRequest, segment: { params: Promise<Record<string, string>> }) => {
    const requestId = requestIdOf(req.headers);
    try {
      const user = await getCurrentUser();
      if (!user) throw new ApiError(401, 'unauthenticated', 'Sign in first');
      if (user.mustChangePassword && !opts.passwordChange)
        throw new ApiError(
          403,
          'password_change_required',
          'Change your password first (POST /api/v1/me/password)',
        );
      if (!can(user, opts.permission)) {
        await recordAccessDenied(user, req, opts.permission, requestId);
        throw new ApiError(403, 'forbidden', `Your role (${user.role}) may not do this`);
      }
      const query = opts.query
        ? opts.query.parse(Object.fromEntries(req.nextUrl.searchParams))
        : undefined;
      const params = opts.params ? opts.params.parse(await segment.params) : undefined;
      let body: unknown;
      if (opts.body) {
        body = opts.body.parse(await readJsonBody(req));
      }
      const change = <T>(work: (tx: Tx, audit: AuditFn) => Promise<T>) =>
        auditedTransaction({ id: user.id, email: user.email }, requestId, work);
      const result = await handler({
        req,
        user,
        query,
        body,
        params,
        requestId,
        change,
      } as RouteContext<Out<Q>, Out<B>, Out<P>>);
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? { ok: true }, { headers: { 'x-request-id': requestId } });
    } catch (e) {
      return toErrorResponse(e, requestId);
    }
  };
  return Object.assign(fn, { permission: opts.permission });
}

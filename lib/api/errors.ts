import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { DomainError, LimitExceededError, type DomainErrorCode } from '@/lib/errors';
import { IngestInputError } from '@/lib/ingest/types';
import { classifyDbError } from './db-errors';

/** An HTTP-level refusal raised by the route layer itself (sign-in, permission, body parsing). */
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Not found') => new ApiError(404, 'not_found', what);

/** The one map from domain errors to HTTP statuses. */
const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  stale: 409,
  invalid: 400,
  invalid_transition: 422,
  too_large: 413,
  limit_exceeded: 429,
  unavailable: 503,
};

export function errorBody(
  code: string,
  message: string,
  field?: string,
  details?: Record<string, unknown>,
) {
  return { error: { code, message, ...(field ? { field } : {}), ...(details ?? {}) } };
}

/** Maps any thrown value to the JSON error shape with the right status. */
export function toErrorResponse(e: unknown, requestId: string): NextResponse {
  const headers: Record<string, string> = { 'x-request-id': requestId };
  if (e instanceof ApiError)
    return NextResponse.json(errorBody(e.code, e.message, e.field), { status: e.status, headers });
  if (e instanceof DomainError) {
    if (e instanceof LimitExceededError && e.retryAfterSeconds)
      headers['retry-after'] = String(Math.ceil(e.retryAfterSeconds));
    return NextResponse.json(errorBody(e.code, e.message, e.field, e.details), {
      status: DOMAIN_STATUS[e.code],
      headers,
    });
  }
  // Ingest keeps its own input error (the CLI turns it into exit code 2); its codes are the
  // documented HTTP codes of the ingest endpoints, except too_large, documented as payload_too_large.
  if (e instanceof IngestInputError) {
    const tooLarge = e.code === 'too_large';
    const status = tooLarge
      ? 413
      : e.code === 'timeout'
        ? 408
        : e.code === 'unauthorized'
          ? 401
          : 400;
    if (status === 408) headers.connection = 'close'; // the client stopped sending mid-body
    return NextResponse.json(errorBody(tooLarge ? 'payload_too_large' : e.code, e.message), {
      status,
      headers,
    });
  }
  if (e instanceof ZodError) {
    const first = e.issues[0];
    const field = first?.path.join('.') || undefined;
    return NextResponse.json(
      errorBody(
        'invalid',
        `${field ? `${field}: ` : ''}${first?.message ?? 'invalid input'}`,
        field,
      ),
      { status: 400, headers },
    );
  }
  const db = classifyDbError(e);
  if (db?.kind === 'unique') {
    // Two requests raced for one key (the check before the insert passed for both).
    const field = db.fields?.join(',');
    return NextResponse.json(
      errorBody('conflict', `Already exists${field ? `: ${field} is taken` : ''}`, field),
      { status: 409, headers },
    );
  }
  if (db?.kind === 'unavailable') {
    console.error(`[${requestId}] database unavailable: ${(e as Error).message}`);
    headers['retry-after'] = '5';
    return NextResponse.json(
      errorBody(
        'unavailable',
        'The database is unavailable right now. Try again in a few seconds.',
      ),
      { status: 503, headers },
    );
  }
  console.error(`[${requestId}]`, e);
  return NextResponse.json(errorBody('internal', `Internal error (request ${requestId})`), {
    status: 500,
    headers,
  });
}

import { NextResponse } from 'next/server';
import { ZodError } from 'zod';

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
export const badRequest = (message: string, field?: string) =>
  new ApiError(400, 'bad_request', message, field);
export const conflict = (message: string, field?: string) =>
  new ApiError(409, 'conflict', message, field);

export function errorBody(code: string, message: string, field?: string) {
  return { error: field ? { code, message, field } : { code, message } };
}

/** Maps any thrown value to the JSON error shape with the right status. */
export function toErrorResponse(e: unknown, requestId: string): NextResponse {
  const headers = { 'x-request-id': requestId };
  if (e instanceof ApiError)
    return NextResponse.json(errorBody(e.code, e.message, e.field), { status: e.status, headers });
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
  console.error(`[${requestId}]`, e);
  return NextResponse.json(errorBody('internal', `Internal error (request ${requestId})`), {
    status: 500,
    headers,
  });
}

import { randomUUID } from 'node:crypto';

/** What a client's X-Request-Id may be: a UUID, a trace id, a ULID… (printable, ≤ 128). */
const REQUEST_ID = /^[A-Za-z0-9._:/+=-]{1,128}$/;

/**
 * The request id for logs, responses and audit rows: the client's `X-Request-Id` when it is a
 * short printable token, else a fresh UUID. A client writes this header, and it used to reach the
 * audit log as sent (any length, control characters, forged-looking text).
 */
export function requestIdOf(headers: Headers): string {
  const sent = headers.get('x-request-id');
  return sent !== null && REQUEST_ID.test(sent) ? sent : randomUUID();
}

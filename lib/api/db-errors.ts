// Database failures that are the client's or the moment's, not a bug: a unique key another request
// took first (409), and a database that cannot be reached right now (503). Prisma wraps the pg
// driver's errors (P2002, or a driver-adapter error whose cause names the kind); raw pg queries
// throw the driver's own error (SQLSTATE code) or a plain socket error. Both are recognised.

interface Found {
  kind: 'unique' | 'unavailable';
  fields?: string[];
}

// connection exceptions, admin/crash shutdown, and a statement cancelled by statement_timeout
// (DB_STATEMENT_TIMEOUT_MS: the database is too busy to answer in time)
const UNAVAILABLE_SQLSTATE = /^(08|57P0[123]|57014)/;
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'P1001', // can't reach database server
  'P1002', // timed out
  'P1017', // server closed the connection
  'P2024', // timed out fetching a connection from the pool
  'P2028', // could not start a transaction in time (pool busy)
]);
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down)|Client has encountered a connection error/i;

type Loose = {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: unknown;
  detail?: unknown;
  constraint?: { fields?: unknown };
};

export function classifyDbError(e: unknown): Found | null {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    const x = cur as Loose;
    const code = typeof x.code === 'string' ? x.code : '';
    if (code === 'P2002' || code === '23505' || x.kind === 'UniqueConstraintViolation')
      return { kind: 'unique', fields: uniqueFields(x) };
    if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))
      return { kind: 'unavailable' };
    if (typeof x.kind === 'string' && UNAVAILABLE_KINDS.has(x.kind)) return { kind: 'unavailable' };
    if (typeof x.message === 'string' && UNAVAILABLE_MESSAGE.test(x.message))
      return { kind: 'unavailable' };
    const meta = x.meta as { driverAdapterError?: unknown } | undefined;
    cur = meta?.driverAdapterError ?? x.cause;
  }
  return null;
}

function uniqueFields(x: Loose): string[] | undefined {
  const meta = x.meta as { target?: unknown; driverAdapterError?: { cause?: Loose } } | undefined;
  const fromConstraint = (c: Loose | undefined) =>
    Array.isArray(c?.constraint?.fields) ? (c.constraint.fields as string[]) : undefined;
  if (Array.isArray(meta?.target)) return meta.target as string[];
  const viaAdapter = fromConstraint(meta?.driverAdapterError?.cause);
  if (viaAdapter) return viaAdapter;
  if (fromConstraint(x)) return fromConstraint(x);
  const m = typeof x.detail === 'string' ? x.detail.match(/Key \(([^)]+)\)/) : null;
  return m ? m[1].split(', ') : undefined;
}

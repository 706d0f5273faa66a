import 'server-only';
import { prisma } from '@/lib/db/client';
import { env } from '@/lib/env';

/** What an 'access.denied' row adds to its payload when the rate limit is involved. */
export interface DenialNote {
  /** refusals of this actor counted but not recorded in the previous window */
  suppressed_before?: number;
  /** this row reached the limit: further refusals in the window are counted, not recorded */
  suppressing?: { max: number; window_seconds: number };
}

/**
 * The rate limit of 'access.denied' rows (issue #12): a client hammering a forbidden route must
 * not fill the audit log. Per actor key and fixed window of ACCESS_DENIED_AUDIT_WINDOW_SECONDS:
 * the first ACCESS_DENIED_AUDIT_MAX refusals are recorded, the next one is recorded with
 * `suppressing`, the rest are only counted; the first row of the next window carries that count
 * as `suppressed_before`. One statement, in its own short transaction: a flood of refusals
 * waits on the counter row for one statement each, never holding a pooled connection inside an
 * audit transaction while it waits (which stalled the pool at 100 parallel refusals).
 */
export async function denialGate(key: string): Promise<DenialNote | null> {
  const { ACCESS_DENIED_AUDIT_MAX: max, ACCESS_DENIED_AUDIT_WINDOW_SECONDS: windowS } = env();
  // Every SET expression reads the row as it was, so `carried` sees the old window's count.
  const [row] = await prisma.$queryRaw<Array<{ denials: number; carried: number }>>`
    INSERT INTO access_denied_throttle AS t (key, window_start, denials, carried)
    VALUES (${key}, now(), 1, 0)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN t.window_start <= now() - make_interval(secs => ${windowS}::int)
                          THEN now() ELSE t.window_start END,
      carried = CASE WHEN t.window_start <= now() - make_interval(secs => ${windowS}::int)
                     THEN greatest(t.denials - ${max}::int - 1, 0) ELSE t.carried END,
      denials = CASE WHEN t.window_start <= now() - make_interval(secs => ${windowS}::int)
                     THEN 1 ELSE t.denials + 1 END
    RETURNING t.denials, t.carried`;
  if (row.denials > max + 1) return null;
  if (row.denials === max + 1) return { suppressing: { max, window_seconds: windowS } };
  return row.denials === 1 && row.carried > 0 ? { suppressed_before: row.carried } : {};
}

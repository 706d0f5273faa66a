import { firstIssue, ZAccount } from './schemas';
import { parseTimestamp } from './timestamp';
import type { RowResult, StageRow } from './event-row';

/** Column order of the ingest_account_row type. */
export const ACCOUNT_STAGE_COLUMNS = [
  'line_no',
  'account_id',
  'created_at',
  'email_domain',
  'org_id',
  'tier',
  'country',
  'payment_fingerprint',
  'signup_ip',
  'verified',
  'extra',
] as const;

export function toAccountRow(
  rec: Record<string, unknown>,
  extra: Record<string, unknown> | null,
  lineNo: number,
): RowResult {
  const p = ZAccount.safeParse(rec);
  if (!p.success) return { ok: false, ...firstIssue(p.error) };
  const a = p.data;
  const created = a.created_at ? parseTimestamp(a.created_at) : null;
  const n = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);
  const row: StageRow = [
    lineNo,
    a.account_id,
    created === null ? null : new Date(created).toISOString(),
    a.email_domain ? a.email_domain.toLowerCase() : null,
    n(a.org_id),
    n(a.tier),
    a.country ? a.country.toUpperCase() : null,
    n(a.payment_fingerprint),
    n(a.signup_ip),
    n(a.verified),
    extra ? JSON.stringify(extra) : null,
  ];
  return { ok: true, row, ms: created ?? 0 };
}

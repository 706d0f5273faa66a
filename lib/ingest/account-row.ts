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
  'tos_version',
] as const;

export function toAccountRow(
  rec: Record<string, unknown>,
  extra: Record<string, unknown> | null,
  lineNo: number,
): RowResult {
  const parsed = ZAccount.safeParse(rec);
  if (!parsed.success) return { ok: false, ...firstIssue(parsed.error) };
  const account = parsed.data;
  const created = account.created_at ? parseTimestamp(account.created_at) : null;
  const orNull = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);
  const row: StageRow = [
    lineNo,
    account.account_id,
    created === null ? null : new Date(created).toISOString(),
    account.email_domain ? account.email_domain.toLowerCase() : null,
    orNull(account.org_id),
    orNull(account.tier),
    account.country ? account.country.toUpperCase() : null,
    orNull(account.payment_fingerprint),
    orNull(account.signup_ip),
    orNull(account.verified),
    extra ? JSON.stringify(extra) : null,
    orNull(account.tos_version),
  ];
  return { ok: true, row, ms: created ?? 0 };
}

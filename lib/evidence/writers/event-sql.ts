import type { EvidenceScope } from '../types';

// The events of a scope, as SQL. Timestamps are formatted in the query (UTC, milliseconds) so a
// native never depends on the session's TimeZone or on the driver's Date parsing.

export interface ResolvedScope {
  accountIds: string[];
  from: string | null;
  to: string | null;
}

export const SCOPE_WHERE = `account_id = ANY($1::text[])
  AND ($2::timestamptz IS NULL OR ts >= $2::timestamptz)
  AND ($3::timestamptz IS NULL OR ts < $3::timestamptz)`;

export const scopeParams = (s: ResolvedScope) => [s.accountIds, s.from, s.to];

const TS_TEXT = `to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Native order: account, then time, then id — each native file holds one account's events. */
export const EVENTS_SQL = `
SELECT id, ${TS_TEXT} AS ts, account_id, org_id, api_key_id, model, host(ip) AS ip, asn, country,
       user_agent, conversation_id, turn, system_prompt, system_prompt_sha256, prompt, prompt_sha256,
       response, input_tokens, output_tokens, max_tokens, finish_reason, temperature, thinking,
       status, extra
  FROM events WHERE ${SCOPE_WHERE}
 ORDER BY account_id, ts, id`;

export interface EventRow {
  id: string;
  ts: string;
  account_id: string;
  org_id: string | null;
  api_key_id: string | null;
  model: string;
  ip: string | null;
  asn: number | null;
  country: string | null;
  user_agent: string | null;
  conversation_id: string | null;
  turn: number | null;
  system_prompt: string | null;
  system_prompt_sha256: string | null;
  prompt: string | null;
  prompt_sha256: string;
  response: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  max_tokens: number | null;
  finish_reason: string | null;
  temperature: number | null;
  thinking: boolean | null;
  status: number | null;
  extra: unknown;
}

const iso = (v: string | Date | undefined) =>
  v === undefined ? null : (v instanceof Date ? v : new Date(v)).toISOString();

/** Accounts of the scope: the listed ones plus the members of the listed clusters, sorted. */
export async function resolveScope(
  db: { query: <R>(sql: string, params: unknown[]) => Promise<{ rows: R[] }> },
  scope: EvidenceScope,
): Promise<ResolvedScope> {
  const members = scope.clusterIds.length
    ? (
        await db.query<{ account_id: string }>(
          'SELECT account_id FROM cluster_members WHERE cluster_id = ANY($1::text[])',
          [scope.clusterIds],
        )
      ).rows.map((r) => r.account_id)
    : [];
  const accountIds = [...new Set([...scope.accountIds, ...members])].sort();
  return { accountIds, from: iso(scope.from), to: iso(scope.to) };
}

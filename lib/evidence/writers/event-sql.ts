import type { EvidenceScope } from '../types';

// The events of a scope, as SQL: one column list and one WHERE clause, spelt for bind parameters
// (cursor, count, sample) and for transaction-local settings (COPY TO STDOUT, which takes no
// parameters). Timestamps are formatted in the query (UTC, milliseconds) so a native never
// depends on the session's TimeZone or on the driver's Date parsing.

export interface ResolvedScope {
  accountIds: string[];
  from: string | null;
  to: string | null;
  /** The export's cut-off: events of ingest runs after this id are left out (null = none). */
  maxRunId: string | null;
  /** The cut-off's events_insert_seq value: rows stamped at or after it committed later (absent = none). */
  maxEventSeq?: string | null;
}

type ScopeRefs = Record<'accounts' | 'from' | 'to' | 'run' | 'seq', string>;

/** `coalesce` keeps the bounds indexable even when they come from a stable expression. */
const whereOf = (v: ScopeRefs) => `account_id = ANY(${v.accounts})
  AND ts >= coalesce(${v.from}, '-infinity')
  AND ts < coalesce(${v.to}, 'infinity')
  AND (run_id IS NULL OR run_id <= coalesce(${v.run}, 9223372036854775807))
  AND (insert_seq IS NULL OR insert_seq < coalesce(${v.seq}, 9223372036854775807))`;

export const SCOPE_WHERE = whereOf({
  accounts: '$1::text[]',
  from: '$2::timestamptz',
  to: '$3::timestamptz',
  run: '$4::bigint',
  seq: '$5::bigint',
});
/** How many bind parameters SCOPE_WHERE uses (the next free one is SCOPE_PARAMS + 1). */
export const SCOPE_PARAMS = 5;
export const scopeParams = (s: ResolvedScope) => [
  s.accountIds,
  s.from,
  s.to,
  s.maxRunId,
  s.maxEventSeq ?? null,
];

const setting = (n: string) => `nullif(current_setting('dw_evidence.${n}'), '')`;
const SETTINGS_WHERE = whereOf({
  accounts: `ARRAY(SELECT json_array_elements_text(current_setting('dw_evidence.accounts')::json))`,
  from: `${setting('from')}::timestamptz`,
  to: `${setting('to')}::timestamptz`,
  run: `${setting('run')}::bigint`,
  seq: `${setting('seq')}::bigint`,
});

/** Sets the scope as transaction-local settings for SETTINGS_WHERE (values are bound, not spliced). */
export const SET_SCOPE_SQL = `SELECT set_config('dw_evidence.accounts', $1, true),
  set_config('dw_evidence.from', $2, true), set_config('dw_evidence.to', $3, true),
  set_config('dw_evidence.run', $4, true), set_config('dw_evidence.seq', $5, true)`;
export const setScopeParams = (s: ResolvedScope) => [
  JSON.stringify(s.accountIds),
  s.from ?? '',
  s.to ?? '',
  s.maxRunId ?? '',
  s.maxEventSeq ?? '',
];

/** How COPY's text format is read back per column. */
export type ColumnKind = 'text' | 'num' | 'bool' | 'json';
const TS_TEXT = `to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The native columns, in order: name, kind, and the SQL expression when it is not the name. */
export const EVENT_COLUMNS: readonly (readonly [keyof EventRow, ColumnKind, string?])[] = [
  ['id', 'text'],
  ['ts', 'text', TS_TEXT],
  ['account_id', 'text'],
  ['org_id', 'text'],
  ['api_key_id', 'text'],
  ['model', 'text'],
  ['ip', 'text', 'host(ip)'],
  ['asn', 'num'],
  ['country', 'text'],
  ['user_agent', 'text'],
  ['conversation_id', 'text'],
  ['turn', 'num'],
  ['system_prompt', 'text'],
  ['system_prompt_sha256', 'text'],
  ['prompt', 'text'],
  ['prompt_sha256', 'text'],
  ['response', 'text'],
  ['input_tokens', 'num'],
  ['output_tokens', 'num'],
  ['max_tokens', 'num'],
  ['finish_reason', 'text'],
  ['temperature', 'num'],
  ['thinking', 'bool'],
  ['status', 'num'],
  ['extra', 'json'],
];

const eventsSql = (
  where: string,
  select = EVENT_COLUMNS.map(([n, , e]) => (e ? `${e} AS ${n}` : n)).join(', '),
  order = 'account_id, ts, id', // output columns: ts is the formatted text
) => `
SELECT ${select}
  FROM events WHERE ${where}
 ORDER BY ${order}`;

/** Native order: account, then time, then id — each native file holds one account's events. */
export const EVENTS_SQL = eventsSql(SCOPE_WHERE);
/** The same rows for COPY TO STDOUT, the scope read from the dw_evidence.* settings. */
export const COPY_EVENTS_SQL = eventsSql(SETTINGS_WHERE);
/**
 * The same rows and order for COPY with another select list, computed after the sort: the rows
 * are sorted with their raw columns and the (wider, costlier) select list runs on the way out.
 */
export const copyEventsSql = (select: string) => `
SELECT ${select} FROM (
  SELECT ${EVENT_COLUMNS.map(([n]) => n).join(', ')} FROM events WHERE ${SETTINGS_WHERE}
   ORDER BY account_id, ${TS_TEXT}, id
) events`;

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

/**
 * Accounts of the scope: the listed ones plus the members of the listed clusters, sorted — or,
 * when the export's cut-off already fixed them, exactly those (a rebuild must not pick up a
 * cluster's later members).
 */
export async function resolveScope(
  db: { query: <R>(sql: string, params: unknown[]) => Promise<{ rows: R[] }> },
  scope: EvidenceScope,
): Promise<ResolvedScope> {
  const range = {
    from: iso(scope.from),
    to: iso(scope.to),
    maxRunId: scope.maxRunId ?? null,
    maxEventSeq: scope.maxEventSeq ?? null,
  };
  if (scope.resolvedAccountIds)
    return { accountIds: [...scope.resolvedAccountIds].sort(), ...range };
  const members = scope.clusterIds.length
    ? (
        await db.query<{ account_id: string }>(
          'SELECT account_id FROM cluster_members WHERE cluster_id = ANY($1::text[])',
          [scope.clusterIds],
        )
      ).rows.map((r) => r.account_id)
    : [];
  const accountIds = [...new Set([...scope.accountIds, ...members])].sort();
  return { accountIds, ...range };
}

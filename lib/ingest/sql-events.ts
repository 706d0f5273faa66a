// The per-batch rollups: ONE statement adds a batch's newly inserted events (the `ins` CTE) to
// every rollup. All sub-statements see the snapshot from before the statement, so "already known"
// lookups (previous event time, templates seen before) read the state before this batch.
// Formulas: docs/ingest.md#rollups.
import { EVENT_STAGE_COLUMNS } from './event-row';
import { daySetsInsert } from './sql-day-sets';
import { wireTypes } from './copy-binary';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const histAgg = `ARRAY[${HOURS.map((h) => `count(*) FILTER (WHERE hr = ${h})::int`).join(', ')}]`;
const histAdd = `ARRAY[${HOURS.map((h) => `coalesce(d.hour_hist[${h + 1}], 0) + excluded.hour_hist[${h + 1}]`).join(', ')}]`;
const add = (cols: string[]) => cols.map((c) => `${c} = d.${c} + excluded.${c}`).join(', ');
const DAILY_SUMS = [
  'events',
  'input_tokens',
  'output_tokens',
  'finish_length',
  'reasoning',
  'thinking',
  'single_turn',
  'tool_use',
  'errors',
  'max_tokens_sum',
  'max_tokens_n',
  'temp_n',
  'temp_sum',
  'temp_sum2',
  'gap_n',
  'gap_sum',
  'gap_sum2',
];

/** An event row as the batches carry it (lanes.ts): the staged columns without line_no, then the run id. */
export const EVENT_ROW_COLUMNS: readonly string[] = [...EVENT_STAGE_COLUMNS.slice(1), 'run_id'];
const EVENT_COLS = EVENT_ROW_COLUMNS.join(', ');
/** The wire type of each of those columns in binary COPY (copy-binary.ts). */
export const EVENT_WIRE_TYPES = wireTypes(EVENT_ROW_COLUMNS);

/** What the rollups read of each newly inserted event (also the columns of the slim stage). */
export const ROLLUP_COLS = [
  'id',
  'ts',
  'account_id',
  'model',
  'api_key_id',
  'ip',
  'asn',
  'user_agent',
  'system_prompt_sha256',
  'input_tokens',
  'output_tokens',
  'max_tokens',
  'finish_reason',
  'temperature',
  'thinking',
  'status',
  'simhash',
  'tax_bucket',
  'lsh_bucket',
  'reasoning',
  'single_turn',
] as const;
/** Their wire types in binary COPY (the slim stage, direct.ts). */
export const SLIM_WIRE_TYPES = wireTypes(ROLLUP_COLS);

/**
 * An indicator value as stored in account_indicator's keys. A btree entry holds at most 2,704
 * bytes, and customers write user agents (2,048 characters of CJK text is 6 KiB): a value over
 * 256 bytes is kept as its SHA-256 (`sha256:<hex>`), which links accounts just as well.
 */
const INDICATOR_KEY = (v: string) =>
  `(CASE WHEN octet_length(${v}) > 256 THEN 'sha256:' || encode(sha256(convert_to(${v}, 'UTF8')), 'hex') ELSE ${v} END)`;

const rollupsOf = (ins: string) => `
WITH ins AS (${ins}
), accts AS (
  SELECT DISTINCT account_id FROM ins
), prev AS (
  SELECT a.account_id, p.last_ts FROM accts a
  JOIN LATERAL (SELECT d.last_ts FROM account_daily d WHERE d.account_id = a.account_id ORDER BY d.day DESC LIMIT 1) p ON true
), seq AS (
  SELECT i.*, (i.ts AT TIME ZONE 'UTC')::date AS day, extract(hour FROM i.ts AT TIME ZONE 'UTC')::int AS hr,
    extract(epoch FROM i.ts - coalesce(lag(i.ts) OVER (PARTITION BY i.account_id ORDER BY i.ts, i.id),
      CASE WHEN p.last_ts <= i.ts THEN p.last_ts END))::float8 AS gap,
    (extract(epoch FROM (i.ts AT TIME ZONE 'UTC')::time) * 1000)::int AS ms
  FROM ins i LEFT JOIN prev p ON p.account_id = i.account_id
), daily AS (
  INSERT INTO account_daily AS d (account_id, day, ${DAILY_SUMS.join(', ')}, hour_hist, first_ts, last_ts)
  SELECT s.account_id, s.day, count(*)::int, coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0),
    count(*) FILTER (WHERE finish_reason = 'length')::int, count(*) FILTER (WHERE reasoning)::int,
    count(*) FILTER (WHERE thinking)::int, count(*) FILTER (WHERE single_turn)::int,
    count(*) FILTER (WHERE finish_reason = 'tool_use')::int,
    count(*) FILTER (WHERE status >= 400 OR finish_reason = 'error')::int,
    coalesce(sum(max_tokens), 0), count(max_tokens)::int,
    count(temperature)::int, coalesce(sum(temperature::float8), 0), coalesce(sum(temperature::float8 * temperature::float8), 0),
    count(gap)::int, coalesce(sum(gap), 0), coalesce(sum(gap * gap), 0),
    ${histAgg}, min(ts), max(ts)
  FROM seq s GROUP BY s.account_id, s.day ORDER BY s.account_id, s.day
  ON CONFLICT (account_id, day) DO UPDATE SET ${add(DAILY_SUMS)}, hour_hist = ${histAdd},
    first_ts = LEAST(d.first_ts, excluded.first_ts), last_ts = GREATEST(d.last_ts, excluded.last_ts)
), sets AS (
  ${daySetsInsert('seq')}
), ind_src AS (
  -- 'model' feeds the accounts table's model filter; detection ignores it as a link.
  SELECT account_id, GROUPING(ip24, asn, user_agent, system_prompt_sha256, api_key_id, model) AS g,
    coalesce(ip24, asn::text, user_agent, system_prompt_sha256, api_key_id, model) AS value, count(*)::int AS n, min(ts) AS f, max(ts) AS l
  FROM (SELECT *, network(set_masklen(ip, CASE family(ip) WHEN 4 THEN 24 ELSE 48 END))::text AS ip24 FROM ins) i
  GROUP BY GROUPING SETS ((account_id, ip24), (account_id, asn), (account_id, user_agent), (account_id, system_prompt_sha256), (account_id, api_key_id), (account_id, model))
), ind AS (
  INSERT INTO account_indicator AS x (account_id, kind, value, events, first_ts, last_ts)
  SELECT account_id, CASE g WHEN 31 THEN 'ip24' WHEN 47 THEN 'asn' WHEN 55 THEN 'user_agent' WHEN 59 THEN 'system_prompt' WHEN 61 THEN 'api_key' ELSE 'model' END,
    ${INDICATOR_KEY('value')}, n, f, l
  FROM ind_src WHERE value IS NOT NULL ORDER BY 1, 2, 3
  ON CONFLICT (account_id, kind, value) DO UPDATE SET events = x.events + excluded.events,
    first_ts = LEAST(x.first_ts, excluded.first_ts), last_ts = GREATEST(x.last_ts, excluded.last_ts)
)
SELECT count(*)::int AS inserted FROM ins`;

/** The staged batch into events, skipping rows whose (account_id, id, ts) exists, and only the inserted ones into the rollups. */
export const MERGE_EVENTS_SQL = rollupsOf(`
  INSERT INTO events (${EVENT_COLS}) SELECT ${EVENT_COLS} FROM stage_events
  ON CONFLICT (account_id, ts, id) DO NOTHING
  RETURNING ${ROLLUP_COLS.join(', ')}`);

/** The rollups of a batch that went straight into events by COPY (all new, direct.ts), from the slim stage. */
export const MERGE_ROLLUPS_SQL = rollupsOf(`
  SELECT ${ROLLUP_COLS.join(', ')} FROM stage_slim`);

export const MERGE_ACCOUNTS_SQL = `
WITH up AS (
  INSERT INTO accounts AS a (account_id, created_at, email_domain, org_id, tier, country, payment_fingerprint, signup_ip, verified, extra, tos_version)
  SELECT DISTINCT ON (account_id) account_id, created_at, email_domain, org_id, tier, country, payment_fingerprint, signup_ip, verified, extra, tos_version
  FROM stage_accounts ORDER BY account_id, line_no DESC
  ON CONFLICT (account_id) DO UPDATE SET created_at = excluded.created_at, email_domain = excluded.email_domain,
    org_id = excluded.org_id, tier = excluded.tier, country = excluded.country, payment_fingerprint = excluded.payment_fingerprint,
    signup_ip = excluded.signup_ip, verified = excluded.verified, extra = excluded.extra, tos_version = excluded.tos_version,
    ingested_at = now()
  WHERE (a.created_at, a.email_domain, a.org_id, a.tier, a.country, a.payment_fingerprint, a.signup_ip, a.verified, a.extra, a.tos_version)
    IS DISTINCT FROM (excluded.created_at, excluded.email_domain, excluded.org_id, excluded.tier, excluded.country,
      excluded.payment_fingerprint, excluded.signup_ip, excluded.verified, excluded.extra, excluded.tos_version)
  RETURNING account_id, created_at, email_domain, org_id, payment_fingerprint, signup_ip
), ind AS (
  INSERT INTO account_indicator (account_id, kind, value, events, first_ts, last_ts)
  SELECT account_id, v.kind, ${INDICATOR_KEY('v.value')}, 0, coalesce(created_at, now()), coalesce(created_at, now())
  FROM up CROSS JOIN LATERAL (VALUES ('payment', payment_fingerprint), ('email_domain', email_domain), ('org', org_id),
    ('signup_ip24', network(set_masklen(signup_ip, CASE family(signup_ip) WHEN 4 THEN 24 ELSE 48 END))::text)) v(kind, value)
  WHERE v.value IS NOT NULL ORDER BY 1, 2, 3
  ON CONFLICT (account_id, kind, value) DO NOTHING
)
SELECT count(*)::int AS inserted FROM up`;

import 'server-only';
import { isIP } from 'node:net';
import { SIGNALS } from '@/lib/detect/signal-defs';
import { rows, one } from './sql';
import type { TAccountQuery } from './account-filter';

export interface AccountListRow {
  account_id: string;
  risk: number;
  flagged: boolean;
  reasons: string[];
  events: number;
  coverage: number;
  cluster_id: string | null;
  status: string | null;
  first_seen: string | null;
  last_seen: string | null;
  email_domain: string | null;
  country: string | null;
}

export interface AccountListResult {
  rows: AccountListRow[];
  total: number;
  page: number;
  size: number;
}

// Whitelisted ORDER BY expressions: the sort key comes from the URL, so it is never interpolated.
const ORDER: Record<TAccountQuery['sort'], string> = {
  risk: 's.risk',
  events: 's.events',
  coverage: 's.coverage',
  last_seen: 's.last_seen',
  account_id: 's.account_id',
};

/** WHERE clause + params for the accounts table; every predicate reads account_score / indicators. */
export function buildAccountWhere(f: TAccountQuery): {
  where: string;
  params: unknown[];
  joins: string;
} {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const conds: string[] = [];
  if (f.risk_min !== undefined) conds.push(`s.risk >= ${p(f.risk_min)}`);
  if (f.risk_max !== undefined) conds.push(`s.risk <= ${p(f.risk_max)}`);
  if (f.flagged !== undefined) conds.push(`s.flagged = ${p(f.flagged)}`);
  // reasons are sentences; a signal "fires" when its share of the score is material (≥ 0.1, the
  // detector's own threshold for listing it as a reason).
  if (f.signal)
    conds.push(
      `COALESCE((s.contributions -> ${p(f.signal)} ->> 'contribution')::float8, 0) >= 0.1`,
    );
  if (f.status === 'none') conds.push('f.id IS NULL');
  else if (f.status !== 'any') conds.push(`f.status = ${p(f.status)}`);
  // The newest disposition per account is the one in force (a reopened and re-closed case
  // leaves an older row behind); dispositions_account_id_decided_at_idx serves this lookup.
  if (f.disposition === 'none')
    conds.push('NOT EXISTS (SELECT 1 FROM dispositions d WHERE d.account_id = s.account_id)');
  else if (f.disposition !== 'any')
    conds.push(
      `(SELECT d.label FROM dispositions d WHERE d.account_id = s.account_id ORDER BY d.decided_at DESC, d.id DESC LIMIT 1) = ${p(f.disposition)}`,
    );
  if (f.cluster === 'none') conds.push('s.cluster_id IS NULL');
  else if (f.cluster) conds.push(`s.cluster_id = ${p(f.cluster)}`);
  if (f.from) conds.push(`s.last_seen >= ${p(f.from)}::date`);
  if (f.to) conds.push(`s.first_seen < ${p(f.to)}::date + 1`);
  if (f.country) conds.push(`a.country = ${p(f.country)}`);
  // Models an account used come from the indicator rollup (kind 'model'), never from raw events.
  if (f.model)
    conds.push(
      `s.account_id IN (SELECT account_id FROM account_indicator WHERE kind = 'model' AND value = ${p(f.model)})`,
    );
  if (f.q) conds.push(searchCondition(f.q, p));
  // Join accounts / flags only when a predicate needs them: the count is much cheaper bare
  // (docs/performance.md, Pages).
  const joins = [f.country ? JOIN_ACCOUNTS : '', f.status !== 'any' ? JOIN_FLAGS : ''].join(' ');
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params, joins };
}

// One search box, one semi-join (index lookups, no per-row EXISTS): an IP finds accounts seen on that
// address or its network (indicator rollup) or signed up from it; anything else matches an account
// id (exact or prefix), an email domain, or an API key id.
function searchCondition(q: string, p: (v: unknown) => string): string {
  const ind = (kinds: string, values: string) =>
    `SELECT account_id FROM account_indicator WHERE kind IN (${kinds}) AND value IN (${values})`;
  if (isIP(q)) {
    // Same network text the ingest writes for kind 'ip24' (a /24 for IPv4, a /48 for IPv6).
    const ip = `${p(q)}::text`; // one parameter used as text and as inet: pin its type once
    const net = `network(set_masklen(${ip}::inet, CASE family(${ip}::inet) WHEN 4 THEN 24 ELSE 48 END))::text`;
    return `s.account_id IN (${ind("'ip', 'ip24', 'signup_ip24'", `${ip}, ${net}`)} UNION SELECT account_id FROM accounts WHERE signup_ip = ${ip}::inet)`;
  }
  const domain = q.includes('@') ? q.slice(q.lastIndexOf('@') + 1) : q;
  const like = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return `(s.account_id = ${p(q)} OR s.account_id LIKE ${p(like)} OR s.account_id IN (
    SELECT account_id FROM accounts WHERE email_domain = ${p(domain.toLowerCase())} UNION ${ind("'api_key'", p(q))}))`;
}

const JOIN_ACCOUNTS = 'LEFT JOIN accounts a ON a.account_id = s.account_id';
const JOIN_FLAGS =
  "LEFT JOIN flags f ON f.subject_type = 'account' AND f.subject_id = s.account_id";

/** One page of scored accounts plus the total matching, for server-side paging. */
export async function listAccounts(f: TAccountQuery): Promise<AccountListResult> {
  const { where, params, joins } = buildAccountWhere(f);
  const dir = f.dir === 'asc' ? 'ASC' : 'DESC';
  const order = `${ORDER[f.sort]} ${dir} ${dir === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST'}, s.account_id ${dir}`;
  const offset = (f.page - 1) * f.size;
  // Pick the page's ids first (walks the risk index with LIMIT), then decorate only those rows.
  const [page, count] = await Promise.all([
    rows<AccountListRow & { first_seen: Date | null; last_seen: Date | null }>(
      `WITH page AS (SELECT s.account_id FROM account_score s ${joins} ${where} ORDER BY ${order} LIMIT ${f.size} OFFSET ${offset})
       SELECT s.account_id, s.risk, s.flagged, COALESCE(s.reasons, '{}') AS reasons, s.events, s.coverage, s.cluster_id,
              f.status, s.first_seen, s.last_seen, a.email_domain, a.country
       FROM page JOIN account_score s USING (account_id) ${JOIN_ACCOUNTS} ${JOIN_FLAGS}
       ORDER BY ${order}`,
      params,
    ),
    one<{ n: number }>(`SELECT count(*)::int AS n FROM account_score s ${joins} ${where}`, params),
  ]);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const out = page.map((r) => ({
    ...r,
    first_seen: iso(r.first_seen),
    last_seen: iso(r.last_seen),
  }));
  return { rows: out, total: count?.n ?? 0, page: f.page, size: f.size };
}

/** Values for the filter dropdowns: the detector's signal catalogue and the riskiest clusters. */
export async function getAccountFilterOptions(): Promise<{
  signals: Array<{ id: string; label: string }>;
  clusters: string[];
}> {
  const clusters = await rows<{ id: string }>(
    `SELECT id FROM clusters ORDER BY risk DESC LIMIT 200`,
  );
  return {
    signals: SIGNALS.map((d) => ({ id: d.id, label: d.label })),
    clusters: clusters.map((c) => c.id),
  };
}

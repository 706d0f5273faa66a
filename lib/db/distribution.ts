// How the schema spreads over several servers with Citus (issue 14, item 5; docs/scaling.md).
// The one list of tables, checked against the live catalog by tests/integration/distribution.int.test.ts:
// a table that has an account_id column must be named here, each distributed table's primary and
// unique keys must contain account_id, and foreign keys may only point where Citus allows.

/**
 * Large tables: their rows grow with events or with accounts (per account × day, bucket, template,
 * indicator, cluster day). Distributed by account_id and colocated with events, so everything an
 * account page reads sits on one shard. `events`' monthly partitions follow their parent.
 */
export const DISTRIBUTED_BY_ACCOUNT = [
  'events',
  'accounts',
  'account_daily',
  'account_day_sets', // read through the views account_bucket and account_template
  'account_indicator',
  'account_score',
  'cluster_members',
  'cluster_coverage',
  'detect_reference',
  'detect_link_state', // linking state for --since-last: component and template frames per account
  'detect_member_result', // cluster members' own results, reused by --since-last
  'member_template_days', // cluster members' template first days, summed into cluster_daily
] as const;

/**
 * Small tables that page queries join with distributed ones (flags and clusters beside
 * account_score, detection baselines and settings read by every scoring pass): copied to every
 * node. flags holds one row per flagged account or cluster (a few per cent of accounts) and is
 * keyed by subject, which may be a cluster, so it cannot be distributed by account.
 */
export const REFERENCE_TABLES = [
  'clusters',
  'flags',
  'detect_runs',
  'detect_settings_versions',
  'coverage_band',
  'signal_baseline',
  'settings',
] as const;

/**
 * Tables with an account_id column that stay on the coordinator (Citus local tables): written by
 * analysts, sized by their work, not by traffic. Every other table not listed above stays there too.
 */
export const COORDINATOR_WITH_ACCOUNT = [
  'annotations',
  'case_accounts',
  'case_pins',
  'case_clause_links',
  'dispositions',
] as const;

/** What the migration runner runs on a Citus coordinator after the migrations have created the tables. */
export function citusStatements(): string[] {
  const [first, ...rest] = DISTRIBUTED_BY_ACCOUNT;
  return [
    ...REFERENCE_TABLES.map((t) => `SELECT create_reference_table('${t}')`),
    `SELECT create_distributed_table('${first}', 'account_id')`,
    ...rest.map(
      (t) => `SELECT create_distributed_table('${t}', 'account_id', colocate_with => '${first}')`,
    ),
  ];
}

import type { TQueueFilter } from '@/lib/schemas/queue';

// A queue's filter as SQL conditions over `flags f`. Attributes of a cluster subject are those of
// its members (any member using the model / in the country matches). Values are parameters; only
// the fixed fragments below are spliced into the statement.

/** Account ids behind a flag: the account itself, or the members of the cluster. */
const SUBJECT_ACCOUNTS = `(SELECT f.subject_id WHERE f.subject_type = 'account'
  UNION ALL SELECT cm.account_id FROM cluster_members cm
  WHERE f.subject_type = 'cluster' AND cm.cluster_id = f.subject_id)`;

/** Size of the cluster behind a flag; an account outside any cluster counts as 1. */
const CLUSTER_SIZE = `(CASE WHEN f.subject_type = 'cluster'
  THEN (SELECT c.members FROM clusters c WHERE c.id = f.subject_id)
  ELSE coalesce((SELECT c.members FROM account_score s JOIN clusters c ON c.id = s.cluster_id
    WHERE s.account_id = f.subject_id), 1) END)`;

export function filterSql(
  filter: TQueueFilter,
  firstParam: number,
): { sql: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${firstParam + params.length - 1}`;
  };
  if (filter.subjectKinds?.length)
    conds.push(`f.subject_type = ANY(${p(filter.subjectKinds)}::text[])`);
  if (filter.riskMin !== undefined) conds.push(`f.risk >= ${p(filter.riskMin)}::real`);
  if (filter.riskMax !== undefined) conds.push(`f.risk <= ${p(filter.riskMax)}::real`);
  if (filter.signals?.length) conds.push(`f.reasons @> ${p(filter.signals)}::text[]`);
  if (filter.clusterSizeMin !== undefined)
    conds.push(`${CLUSTER_SIZE} >= ${p(filter.clusterSizeMin)}::int`);
  if (filter.clusterSizeMax !== undefined)
    conds.push(`${CLUSTER_SIZE} <= ${p(filter.clusterSizeMax)}::int`);
  if (filter.models?.length)
    conds.push(`EXISTS (SELECT 1 FROM account_indicator ai WHERE ai.kind = 'model'
      AND ai.value = ANY(${p(filter.models)}::text[]) AND ai.account_id IN ${SUBJECT_ACCOUNTS})`);
  if (filter.countries?.length)
    conds.push(`EXISTS (SELECT 1 FROM accounts a WHERE a.country = ANY(${p(filter.countries)}::text[])
      AND a.account_id IN ${SUBJECT_ACCOUNTS})`);
  return { sql: conds.length ? conds.join(' AND ') : 'true', params };
}

// The compact bucket and template rollup (docs/ingest.md#rollups): per account, UTC day and batch
// one account_day_sets row whose parallel arrays hold the day's taxonomy buckets, fine LSH buckets
// and templates with their first/last millisecond of the day and event counts. The views
// account_bucket and account_template aggregate them back into one row per bucket / template.

// The arrays of account_day_sets, filled from one grouping-sets pass (all aggregates of one group
// see its rows in the same order, so element i of each array of a kind belongs together).
const arr = (g: number, expr: string) =>
  `coalesce(array_agg(${expr}) FILTER (WHERE g = ${g}), '{}')`;
const SET_ARRAYS = [
  arr(3, 'v::smallint'),
  arr(3, 'f'),
  arr(3, 'n'),
  arr(5, 'v::smallint'),
  arr(5, 'f'),
  arr(5, 'n'),
  arr(6, 'v'),
  arr(6, 'n'),
  arr(6, 'f'),
  arr(6, 'l'),
].join(', ');

/**
 * Appends one account_day_sets row per (account, UTC day) of `src` (columns account_id, day,
 * ms = milliseconds since the day's start, tax_bucket, lsh_bucket, simhash). Never updated:
 * readers take the least first time and the sum of counts over an account's rows.
 */
export const daySetsInsert = (src: string) => `
  INSERT INTO account_day_sets (account_id, day, tax_bucket, tax_first, tax_events, lsh_bucket, lsh_first, lsh_events,
    simhash, tmpl_events, tmpl_first, tmpl_last)
  SELECT account_id, day, ${SET_ARRAYS} FROM (
    -- one pass: taxonomy buckets (g = 3), fine buckets (g = 5) and templates (g = 6) of each day
    SELECT account_id, day, GROUPING(tax_bucket, lsh_bucket, simhash) AS g,
      coalesce(tax_bucket::bigint, lsh_bucket::bigint, simhash) AS v, min(ms) AS f, max(ms) AS l, count(*)::int AS n
    FROM ${src} GROUP BY GROUPING SETS ((account_id, day, tax_bucket), (account_id, day, lsh_bucket), (account_id, day, simhash))
  ) x GROUP BY account_id, day`;

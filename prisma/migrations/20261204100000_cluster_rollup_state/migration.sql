-- What detect --since-last needs to update a cluster's page rollups from the members that received
-- events instead of recomputing them over every member (issue 14, item 4; lib/detect/cluster-rollup-update.ts).
--
-- cluster_coverage credits each bucket to the member that reached it first. Each row now also
-- lists those buckets with their first times (ms since the start of the row's UTC day, as in
-- account_day_sets): a member's first time of a bucket only moves earlier as batches append day
-- sets, so the cluster's first hits after a batch are the least of the stored ones and the touched
-- members' own. Rows whose lists do not hold tax_new / lsh_new buckets (written before this
-- migration, or by code that does not fill them) make the next run recompute that cluster.
ALTER TABLE "cluster_coverage"
  ADD COLUMN "tax_buckets" SMALLINT[] NOT NULL DEFAULT '{}',
  ADD COLUMN "tax_first" INTEGER[] NOT NULL DEFAULT '{}',
  ADD COLUMN "lsh_buckets" SMALLINT[] NOT NULL DEFAULT '{}',
  ADD COLUMN "lsh_first" INTEGER[] NOT NULL DEFAULT '{}';

-- Per cluster member: how many of its templates it first used on each UTC day (the days and counts
-- cluster_daily.new_templates sums over the members). Written by detection for the members of the
-- clusters it writes; an incremental run recomputes only the members that received events.
CREATE TABLE "member_template_days" (
  "account_id" TEXT PRIMARY KEY,
  "days" DATE[] NOT NULL,
  "counts" INTEGER[] NOT NULL,
  "run_id" BIGINT NOT NULL
);

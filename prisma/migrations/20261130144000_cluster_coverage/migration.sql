-- Per-cluster coverage rollup (issue 15), written by detection at the end of each run in the same
-- transaction as its results (lib/detect/cluster-coverage.ts): per cluster, UTC day and member, the
-- taxonomy buckets (tax_new) and fine LSH buckets (lsh_new) that member reached first within the
-- cluster. The cluster page's partitioned-coverage chart reads these rows by cluster_id.
CREATE TABLE "cluster_coverage" (
  "cluster_id" TEXT NOT NULL,
  "day" DATE NOT NULL,
  "account_id" TEXT NOT NULL,
  "tax_new" INTEGER NOT NULL DEFAULT 0,
  "lsh_new" INTEGER NOT NULL DEFAULT 0,
  "run_id" BIGINT NOT NULL,
  CONSTRAINT "cluster_coverage_pkey" PRIMARY KEY ("cluster_id", "day", "account_id")
);

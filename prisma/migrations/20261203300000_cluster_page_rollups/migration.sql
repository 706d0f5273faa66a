-- The cluster page at a 1,000-member cluster (issue 14): its combined timeline summed the members'
-- account_daily rows and grouped their day sets (templates first seen per member, taxonomy buckets
-- first reached by the cluster) on every view, and its shared-indicator matrix grouped the members'
-- indicators: 390-490 ms of the page's data. Detection writes both per cluster beside
-- cluster_coverage (lib/detect/cluster-rollups.ts, lib/detect/cluster-matrix.ts); the page reads
-- one cluster's rows, and computes them live when a cluster has none (a run from before this).
CREATE TABLE "cluster_daily" (
  "cluster_id" TEXT NOT NULL,
  "day" DATE NOT NULL,
  "events" BIGINT NOT NULL DEFAULT 0,
  "input_tokens" BIGINT NOT NULL DEFAULT 0,
  "output_tokens" BIGINT NOT NULL DEFAULT 0,
  "reasoning" BIGINT NOT NULL DEFAULT 0,
  "thinking" BIGINT NOT NULL DEFAULT 0,
  "finish_length" BIGINT NOT NULL DEFAULT 0,
  "tax_new" INTEGER NOT NULL DEFAULT 0,
  "new_templates" INTEGER NOT NULL DEFAULT 0,
  "run_id" BIGINT NOT NULL,
  CONSTRAINT "cluster_daily_pkey" PRIMARY KEY ("cluster_id", "day")
);

CREATE TABLE "cluster_matrix" (
  "cluster_id" TEXT NOT NULL,
  "matrix" JSONB NOT NULL,
  "run_id" BIGINT NOT NULL,
  CONSTRAINT "cluster_matrix_pkey" PRIMARY KEY ("cluster_id")
);

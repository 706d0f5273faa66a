-- Detection baselines computed at detect time so the UI reads them cheaply.
-- coverage_band: benign band of the cumulative coverage curve (p5/p50/p95 of C_tax and C_lsh at
-- normalised time step/steps of an account's or cluster's active span), per volume bin.
CREATE TABLE "coverage_band" (
  "subject" TEXT NOT NULL,
  "volume_bin" INTEGER NOT NULL,
  "step" INTEGER NOT NULL,
  "t_norm" DOUBLE PRECISION NOT NULL,
  "tax_p5" DOUBLE PRECISION NOT NULL,
  "tax_p50" DOUBLE PRECISION NOT NULL,
  "tax_p95" DOUBLE PRECISION NOT NULL,
  "lsh_p5" DOUBLE PRECISION NOT NULL,
  "lsh_p50" DOUBLE PRECISION NOT NULL,
  "lsh_p95" DOUBLE PRECISION NOT NULL,
  "n" INTEGER NOT NULL,
  "run_id" BIGINT NOT NULL,
  PRIMARY KEY ("subject", "volume_bin", "step")
);

-- signal_baseline: the cohort distribution of each signal (unflagged accounts of the last run),
-- shown next to an account's value as "benign baseline".
CREATE TABLE "signal_baseline" (
  "signal" TEXT PRIMARY KEY,
  "p5" DOUBLE PRECISION NOT NULL,
  "p25" DOUBLE PRECISION NOT NULL,
  "p50" DOUBLE PRECISION NOT NULL,
  "p75" DOUBLE PRECISION NOT NULL,
  "p95" DOUBLE PRECISION NOT NULL,
  "p99" DOUBLE PRECISION NOT NULL,
  "n" INTEGER NOT NULL,
  "run_id" BIGINT NOT NULL
);

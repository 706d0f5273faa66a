-- Incremental detection (issue 14, item 4: `npm run detect -- --since-last`).
--
-- detect_runs.mode: 'full' (every account) or 'since_last' (only accounts that received events or
-- account rows since the previous successful run, plus the clusters they belong to or link to).
-- detect_runs.ingest_hwm: every ingest run with id <= this had finished when the detection run
-- started, so its rows were in the rollups the run read; the next --since-last run rescans the
-- events of later runs only (events.run_id, found through the BRIN index below: events are
-- appended in run order inside each monthly partition, so the index is tiny and cheap to keep).
ALTER TABLE "detect_runs" ADD COLUMN "mode" TEXT NOT NULL DEFAULT 'full';
ALTER TABLE "detect_runs" ADD COLUMN "ingest_hwm" BIGINT;
CREATE INDEX "events_run_id_brin" ON "events" USING BRIN ("run_id");

-- The population a full run judged accounts against: every scored account's event count and
-- signal values, as that run computed them. An incremental run scores the accounts it rescans
-- against this population (benign ranges, joint and novelty references), so its result is the
-- full run's result for those accounts with the same baselines. Replaced by every full run.
CREATE TABLE "detect_reference" (
  "account_id" TEXT PRIMARY KEY,
  "events" INTEGER NOT NULL,
  "signals" JSONB NOT NULL,
  "run_id" BIGINT NOT NULL
);

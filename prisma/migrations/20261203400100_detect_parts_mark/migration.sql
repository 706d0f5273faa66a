-- detect --since-last finds the accounts that received events through the rollup rows appended
-- since the last run (account_day_sets.part is a sequence) instead of events.run_id: the events
-- BRIN index answers only over summarized ranges, and after a large ingest nothing has summarized
-- them yet (no vacuum), so "events of later runs" read the whole table (2.1 s at 5M events on a
-- loaded machine, every page rechecked). parts_mark: the part sequence's value read just before the
-- run started; rows with a greater part came later. Ingest runs that had started before the run
-- and finished after it (rare) are still found through events.run_id.
ALTER TABLE "detect_runs" ADD COLUMN "parts_mark" BIGINT;

-- Ready for Citus (issue 14, item 5): every large table carries account_id in its primary key and
-- unique keys, so each can be distributed by account_id (docs/scaling.md). events had
-- PRIMARY KEY (id, ts), which a table distributed by account_id cannot keep.
--
-- The new key is (account_id, ts, id): it still contains the partition key ts (events stays
-- range-partitioned by month), its prefix (account_id, ts) serves every per-account read
-- (events window, evidence export, reveal), so the separate (account_id, ts) index goes and each
-- event writes one btree entry fewer. Events are still addressed by (account_id, id, ts):
-- annotations, case pins and reveals already carry all three. The idempotency key becomes
-- (account_id, id, ts) (docs/ingest.md): the ingest's ON CONFLICT names the new key.
--
-- On a partitioned table both statements recurse into every partition; adding the key rebuilds
-- one index per partition (minutes at tens of millions of rows, under an exclusive lock).
ALTER TABLE "events" DROP CONSTRAINT "events_pkey";
ALTER TABLE "events" ADD CONSTRAINT "events_pkey" PRIMARY KEY ("account_id", "ts", "id");
DROP INDEX "events_account_id_ts_idx";

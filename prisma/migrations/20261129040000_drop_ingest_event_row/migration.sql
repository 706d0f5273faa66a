-- The events staging table is now shaped from `events` itself (lib/ingest/db.ts: its columns plus
-- the run id), so the composite type it was created OF is no longer used.
DROP TYPE IF EXISTS "ingest_event_row";

-- An export's cut-off must hold back events that commit after it, whoever inserts them (an
-- ingest run still going, or a writer outside any run). Every INSERT into events takes a shared
-- transaction-level advisory lock (statement trigger) and stamps each row from a sequence; the
-- cut-off takes the same lock exclusively, so no inserting transaction is open, and reads the
-- sequence: every committed row is below that value, every later one above (lib/evidence/jobs/cutoff.ts).
-- Rows from before this migration keep NULL and count as before every cut-off.
CREATE SEQUENCE "events_insert_seq";
ALTER TABLE "events" ADD COLUMN "insert_seq" BIGINT;
ALTER TABLE "events" ALTER COLUMN "insert_seq" SET DEFAULT nextval('events_insert_seq');

CREATE FUNCTION events_insert_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(1685546358); -- 'dwev'
  RETURN NULL;
END $$;
CREATE TRIGGER "events_insert_lock" BEFORE INSERT ON "events"
  FOR EACH STATEMENT EXECUTE FUNCTION events_insert_lock();

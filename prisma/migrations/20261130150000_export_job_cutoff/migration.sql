-- Evidence export cut-off (issue #11): the point in the data a package describes (audit chain
-- head, newest ingest run, the case's title and resolved accounts, the STIX facts), fixed on the
-- job's first run, so that a rebuild — a later job naming the original in "rebuild_of" and
-- copying its cut-off — writes byte-identical payload files and manifests.

ALTER TABLE "export_jobs"
  ADD COLUMN "cutoff" JSONB,
  ADD COLUMN "rebuild_of" UUID REFERENCES "export_jobs" ("id");

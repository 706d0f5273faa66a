-- Analyst annotations (star / tag / comment) on events and accounts, and saved table views.
-- Reveals of redacted prompt text are not stored here: the audit log ('event.reveal') is the reveal log.

-- One row per annotation. An event is addressed by (event_id, event_ts) — the events table's key —
-- and always carries its account_id, so a case can later link to annotations by account or event
-- without touching the partitioned events table. Removal is a soft delete so history stays intact.
CREATE TABLE "annotations" (
  "id" BIGSERIAL PRIMARY KEY,
  "subject_type" TEXT NOT NULL,
  "account_id" TEXT NOT NULL,
  "event_id" TEXT,
  "event_ts" TIMESTAMPTZ(3),
  "kind" TEXT NOT NULL,
  "value" TEXT,
  "author_id" TEXT NOT NULL,
  "author_email" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "deleted_at" TIMESTAMPTZ(3),
  "deleted_by" TEXT,
  CONSTRAINT "annotations_subject_check" CHECK (
    ("subject_type" = 'event' AND "event_id" IS NOT NULL AND "event_ts" IS NOT NULL)
    OR ("subject_type" = 'account' AND "event_id" IS NULL AND "event_ts" IS NULL)
  ),
  CONSTRAINT "annotations_kind_check" CHECK ("kind" IN ('star', 'tag', 'comment'))
);
CREATE INDEX "annotations_account_id_created_at_idx" ON "annotations" ("account_id", "created_at");
CREATE INDEX "annotations_author_id_created_at_idx" ON "annotations" ("author_id", "created_at");
CREATE INDEX "annotations_event_id_event_ts_idx" ON "annotations" ("event_id", "event_ts");

-- Named accounts-table views per user; `query` is the URL search string (the table's whole state).
CREATE TABLE "saved_views" (
  "id" TEXT PRIMARY KEY,
  "user_id" TEXT NOT NULL,
  "page" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "query" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX "saved_views_user_id_page_name_key" ON "saved_views" ("user_id", "page", "name");

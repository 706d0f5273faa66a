-- Cases (issue #10): an investigation that links accounts and clusters, pins evidence and ends in a
-- disposition per account. Workflow state lives in "status"; "version" is the optimistic-concurrency
-- counter every update must name (lib/cases/update.ts). The activity timeline is the audit log
-- (target_type 'case', target_id = cases.id), so no history table here.

CREATE TABLE "cases" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Short human number for lists and links ("#12"); the uuid stays the API id.
  "number" SERIAL NOT NULL UNIQUE,
  "version" INTEGER NOT NULL DEFAULT 1,
  "title" TEXT NOT NULL,
  "summary" TEXT NOT NULL DEFAULT '',
  "severity" TEXT NOT NULL DEFAULT 'medium',
  "status" TEXT NOT NULL DEFAULT 'new',
  "case_type" TEXT,
  "restricted" BOOLEAN NOT NULL DEFAULT false,
  "assignee_id" TEXT,
  "tags" TEXT[] NOT NULL DEFAULT '{}',
  -- Where the case was opened from: 'account' | 'cluster' | 'accounts' | 'queue_item' | 'manual'.
  "opened_from" TEXT NOT NULL DEFAULT 'manual',
  -- Queue items belong to lib/queues (another migration), so this is a plain reference, no FK.
  "queue_item_id" TEXT,
  "close_reason" TEXT,
  "closed_at" TIMESTAMPTZ(3),
  "closed_by" TEXT,
  "created_by" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "cases_status_check" CHECK ("status" IN ('new', 'triage', 'investigating', 'pending_legal', 'actioned', 'closed')),
  CONSTRAINT "cases_severity_check" CHECK ("severity" IN ('low', 'medium', 'high', 'critical')),
  CONSTRAINT "cases_closed_check" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL))
);
CREATE INDEX "cases_status_updated_at_idx" ON "cases" ("status", "updated_at");
CREATE INDEX "cases_assignee_id_idx" ON "cases" ("assignee_id");
CREATE INDEX "cases_queue_item_id_idx" ON "cases" ("queue_item_id");

CREATE TABLE "case_watchers" (
  "case_id" UUID NOT NULL REFERENCES "cases" ("id") ON DELETE CASCADE,
  "user_id" TEXT NOT NULL,
  "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  PRIMARY KEY ("case_id", "user_id")
);
CREATE INDEX "case_watchers_user_id_idx" ON "case_watchers" ("user_id");

-- Risk and reasons are copied at link time: the score moves with every detection run, the case
-- must show what the analyst saw when they linked it. "outcome" is set when the case closes.
CREATE TABLE "case_accounts" (
  "case_id" UUID NOT NULL REFERENCES "cases" ("id") ON DELETE CASCADE,
  "account_id" TEXT NOT NULL,
  "risk_at_link" REAL,
  "reasons_at_link" TEXT[] NOT NULL DEFAULT '{}',
  "cluster_id_at_link" TEXT,
  "outcome" TEXT,
  "linked_by" TEXT NOT NULL,
  "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  PRIMARY KEY ("case_id", "account_id"),
  CONSTRAINT "case_accounts_outcome_check" CHECK ("outcome" IS NULL OR "outcome" IN ('no_violation', 'warned', 'throttled', 'suspended', 'referred'))
);
CREATE INDEX "case_accounts_account_id_idx" ON "case_accounts" ("account_id");

CREATE TABLE "case_clusters" (
  "case_id" UUID NOT NULL REFERENCES "cases" ("id") ON DELETE CASCADE,
  "cluster_id" TEXT NOT NULL,
  "risk_at_link" REAL,
  "reasons_at_link" TEXT[] NOT NULL DEFAULT '{}',
  "members_at_link" INTEGER,
  "linked_by" TEXT NOT NULL,
  "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  PRIMARY KEY ("case_id", "cluster_id")
);
CREATE INDEX "case_clusters_cluster_id_idx" ON "case_clusters" ("cluster_id");

CREATE TABLE "case_tasks" (
  "id" BIGSERIAL PRIMARY KEY,
  "case_id" UUID NOT NULL REFERENCES "cases" ("id") ON DELETE CASCADE,
  "title" TEXT NOT NULL,
  "position" INTEGER NOT NULL DEFAULT 0,
  "done" BOOLEAN NOT NULL DEFAULT false,
  "done_by" TEXT,
  "done_at" TIMESTAMPTZ(3),
  "created_by" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "case_tasks_case_id_position_idx" ON "case_tasks" ("case_id", "position");

-- Admin-kept templates: a case type pre-fills its task checklist (and a default severity).
CREATE TABLE "case_templates" (
  "case_type" TEXT PRIMARY KEY,
  "name" TEXT NOT NULL,
  "description" TEXT NOT NULL DEFAULT '',
  "severity" TEXT NOT NULL DEFAULT 'medium',
  "tasks" TEXT[] NOT NULL DEFAULT '{}',
  "updated_by" TEXT,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "case_templates_severity_check" CHECK ("severity" IN ('low', 'medium', 'high', 'critical'))
);

-- Pinned evidence. kind 'event': an annotated event — annotation_id links the existing annotation
-- (a star/tag/comment) to the case, (account_id, event_id, event_ts) address the event itself.
-- kind 'chart': "chart" holds the exact parameters ({ account_id, series, from, to }) the case page
-- re-renders from the rollups, so the pinned picture is reproducible rather than a screenshot.
CREATE TABLE "case_pins" (
  "id" BIGSERIAL PRIMARY KEY,
  "case_id" UUID NOT NULL REFERENCES "cases" ("id") ON DELETE CASCADE,
  "kind" TEXT NOT NULL,
  "account_id" TEXT NOT NULL,
  "annotation_id" BIGINT REFERENCES "annotations" ("id"),
  "event_id" TEXT,
  "event_ts" TIMESTAMPTZ(3),
  "chart" JSONB,
  "note" TEXT NOT NULL DEFAULT '',
  "pinned_by" TEXT NOT NULL,
  "pinned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "removed_at" TIMESTAMPTZ(3),
  CONSTRAINT "case_pins_kind_check" CHECK (
    ("kind" = 'event' AND "event_id" IS NOT NULL AND "event_ts" IS NOT NULL AND "chart" IS NULL)
    OR ("kind" = 'chart' AND "chart" IS NOT NULL AND "event_id" IS NULL)
  )
);
CREATE INDEX "case_pins_case_id_idx" ON "case_pins" ("case_id");
CREATE INDEX "case_pins_annotation_id_idx" ON "case_pins" ("annotation_id");

-- Uploaded files live in the database (bytea): they travel with every backup and restore of the
-- case, and the evidence bag reads them in the same transaction as the case. Size is capped by
-- CASE_FILE_MAX_BYTES (lib/env.ts), so rows stay small enough for this to be sensible.
CREATE TABLE "case_files" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "case_id" UUID NOT NULL REFERENCES "cases" ("id") ON DELETE CASCADE,
  "filename" TEXT NOT NULL,
  "content_type" TEXT NOT NULL,
  "size_bytes" INTEGER NOT NULL,
  "sha256" TEXT NOT NULL,
  "bytes" BYTEA NOT NULL,
  "uploaded_by" TEXT NOT NULL,
  "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "removed_at" TIMESTAMPTZ(3),
  CONSTRAINT "case_files_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);
CREATE INDEX "case_files_case_id_idx" ON "case_files" ("case_id");

-- One row per linked account each time a case closes: the label detection learns from. A case
-- closed, reopened and closed again leaves two rows; the newest per account is the one in force.
CREATE TABLE "dispositions" (
  "id" BIGSERIAL PRIMARY KEY,
  "case_id" UUID NOT NULL REFERENCES "cases" ("id"),
  "account_id" TEXT NOT NULL,
  "label" TEXT NOT NULL,
  "outcome" TEXT NOT NULL,
  "reason" TEXT NOT NULL,
  "decided_by" TEXT NOT NULL,
  "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "dispositions_label_check" CHECK ("label" IN ('abuse', 'not_abuse')),
  CONSTRAINT "dispositions_outcome_check" CHECK ("outcome" IN ('no_violation', 'warned', 'throttled', 'suspended', 'referred'))
);
CREATE INDEX "dispositions_account_id_decided_at_idx" ON "dispositions" ("account_id", "decided_at" DESC);
CREATE INDEX "dispositions_case_id_idx" ON "dispositions" ("case_id");

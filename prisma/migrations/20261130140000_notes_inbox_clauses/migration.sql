-- Case notes with @mentions, the in-app inbox, and the ToS clause catalogue (issue #10).
-- Every change to these tables writes an audit row in the same transaction (lib/cases/notes.ts,
-- lib/cases/clauses.ts, lib/cases/clause-links.ts); notes and clause links target the case, so
-- they appear in its activity timeline.

-- Markdown as written (at most 100 kB, checked in lib/cases/notes.ts); rendered and sanitised on
-- read, never stored as HTML. Deleting is soft: the timeline and audit rows keep resolving.
CREATE TABLE "case_notes" (
  "id" BIGSERIAL PRIMARY KEY,
  "case_id" UUID NOT NULL REFERENCES "cases" ("id") ON DELETE CASCADE,
  "author_id" TEXT NOT NULL,
  "body" TEXT NOT NULL,
  -- Users the note mentions who could see the case when it was saved (resolved by the server).
  "mention_ids" TEXT[] NOT NULL DEFAULT '{}',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "edited_at" TIMESTAMPTZ(3),
  "deleted_at" TIMESTAMPTZ(3),
  "deleted_by" TEXT
);
CREATE INDEX "case_notes_case_id_created_at_idx" ON "case_notes" ("case_id", "created_at");

-- One row per thing a user should look at: a mention, or an assignment to them.
CREATE TABLE "inbox_items" (
  "id" BIGSERIAL PRIMARY KEY,
  "user_id" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "case_id" UUID REFERENCES "cases" ("id") ON DELETE CASCADE,
  "note_id" BIGINT,
  -- A lib/queues item id (its own migration): a plain reference, as cases.queue_item_id.
  "queue_item_id" TEXT,
  "actor_id" TEXT,
  "summary" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "read_at" TIMESTAMPTZ(3),
  CONSTRAINT "inbox_items_kind_check" CHECK ("kind" IN ('mention', 'case_assigned', 'queue_item_assigned'))
);
CREATE INDEX "inbox_items_user_id_created_at_idx" ON "inbox_items" ("user_id", "created_at");

-- The ToS clause catalogue: a clause ("4.2 Model distillation") has many versions, each in force
-- from its effective date until the next one's. A version in force is never edited.
CREATE TABLE "tos_clauses" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "code" TEXT NOT NULL UNIQUE,
  "title" TEXT NOT NULL,
  "created_by" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

CREATE TABLE "tos_clause_versions" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "clause_id" UUID NOT NULL REFERENCES "tos_clauses" ("id") ON DELETE CASCADE,
  "version" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  "effective_from" TIMESTAMPTZ(3) NOT NULL,
  "created_by" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "tos_clause_versions_clause_id_version_key" UNIQUE ("clause_id", "version"),
  CONSTRAINT "tos_clause_versions_clause_id_effective_from_key" UNIQUE ("clause_id", "effective_from")
);

-- A finding on a case: this account's conduct breaks this clause. The version is the one in force
-- at the end of the account's activity window (chosen by the server); the window and the ToS
-- version the account had accepted are copied at link time, as case_accounts copies the risk.
CREATE TABLE "case_clause_links" (
  "id" BIGSERIAL PRIMARY KEY,
  "case_id" UUID NOT NULL REFERENCES "cases" ("id") ON DELETE CASCADE,
  "clause_id" UUID NOT NULL REFERENCES "tos_clauses" ("id"),
  "clause_version_id" UUID NOT NULL REFERENCES "tos_clause_versions" ("id"),
  "account_id" TEXT NOT NULL,
  "conduct_from" TIMESTAMPTZ(3) NOT NULL,
  "conduct_to" TIMESTAMPTZ(3) NOT NULL,
  "accepted_tos_version" TEXT,
  "finding" TEXT NOT NULL DEFAULT '',
  "linked_by" TEXT NOT NULL,
  "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "removed_at" TIMESTAMPTZ(3),
  "removed_by" TEXT
);
CREATE INDEX "case_clause_links_case_id_idx" ON "case_clause_links" ("case_id");

-- The ToS version an account accepted, when the accounts input carries it (optional field
-- tos_version, docs/ingest.md). CASCADE: the ingest sessions' temp stage tables are typed tables.
ALTER TABLE "accounts" ADD COLUMN "tos_version" TEXT;
ALTER TYPE "ingest_account_row" ADD ATTRIBUTE "tos_version" TEXT CASCADE;

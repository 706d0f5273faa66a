-- Review queues (issue #10): admin-managed queues with a filter over open flags, an SLA and
-- members; queue items route flags into them; analysts claim items with FOR UPDATE SKIP LOCKED.

-- When a flag was last (re)opened. Routing uses it to tell a re-opened flag (route it again)
-- from one whose item was already decided (do not). The trigger keeps it right whoever re-opens
-- a flag (detection or a person), so no writer of `flags` has to remember it.
ALTER TABLE "flags" ADD COLUMN "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now();
UPDATE "flags" SET "opened_at" = "created_at";

CREATE FUNCTION flags_mark_reopened() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'open' AND OLD.status IS DISTINCT FROM 'open' THEN
    NEW.opened_at := now();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER flags_reopened BEFORE UPDATE OF status ON "flags"
  FOR EACH ROW EXECUTE FUNCTION flags_mark_reopened();

-- priority: lower first. filter: ZQueueFilter (lib/schemas/queue.ts). SLA in minutes.
-- A deleted queue is archived (archived_at), so its items and audit trail stay readable.
CREATE TABLE "queues" (
  "id" TEXT PRIMARY KEY,
  "name" TEXT NOT NULL,
  "description" TEXT NOT NULL DEFAULT '',
  "filter" JSONB NOT NULL DEFAULT '{}',
  "priority" INTEGER NOT NULL DEFAULT 100,
  "sla_first_action_minutes" INTEGER NOT NULL,
  "sla_decision_minutes" INTEGER NOT NULL,
  "created_by" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "archived_at" TIMESTAMPTZ(3),
  CONSTRAINT "queues_sla_check" CHECK ("sla_first_action_minutes" > 0 AND "sla_decision_minutes" > 0)
);
CREATE UNIQUE INDEX "queues_name_key" ON "queues" ("name");

CREATE TABLE "queue_members" (
  "queue_id" TEXT NOT NULL REFERENCES "queues" ("id") ON DELETE CASCADE,
  "user_id" TEXT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
  "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  PRIMARY KEY ("queue_id", "user_id")
);
CREATE INDEX "queue_members_user_id_idx" ON "queue_members" ("user_id");

-- One item per (queue, subject) while it is open (partial unique index). status: open | done.
-- Unclaimed = open, no assignee, not snoozed into the future. queue_priority copies the queue's
-- priority so claim-next walks one index in (priority, age) order without a join.
CREATE TABLE "queue_items" (
  "id" BIGSERIAL PRIMARY KEY,
  "queue_id" TEXT NOT NULL REFERENCES "queues" ("id"),
  "queue_priority" INTEGER NOT NULL,
  "subject_type" TEXT NOT NULL,
  "subject_id" TEXT NOT NULL,
  "flag_id" BIGINT,
  "risk" REAL NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'open',
  "assignee_id" TEXT,
  "claimed_at" TIMESTAMPTZ(3),
  "snoozed_until" TIMESTAMPTZ(3),
  "first_action_at" TIMESTAMPTZ(3),
  "decided_at" TIMESTAMPTZ(3),
  "resolution" TEXT,
  "run_id" BIGINT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "queue_items_subject_check" CHECK ("subject_type" IN ('account', 'cluster')),
  CONSTRAINT "queue_items_status_check" CHECK ("status" IN ('open', 'done'))
);
CREATE UNIQUE INDEX "queue_items_open_subject_key" ON "queue_items" ("queue_id", "subject_type", "subject_id")
  WHERE "status" = 'open';
-- claim-next: the first unclaimed row in (priority, age) order.
CREATE INDEX "queue_items_claim_idx" ON "queue_items" ("queue_priority", "created_at", "id")
  WHERE "status" = 'open' AND "assignee_id" IS NULL;
CREATE INDEX "queue_items_queue_id_created_at_idx" ON "queue_items" ("queue_id", "created_at");
CREATE INDEX "queue_items_assignee_id_idx" ON "queue_items" ("assignee_id") WHERE "status" = 'open';
CREATE INDEX "queue_items_subject_idx" ON "queue_items" ("subject_type", "subject_id");

-- Evidence export jobs (issue #11): a build of one evidence package from one case, worked by the
-- export worker inside the Next server or by `npm run evidence:build` with
-- SELECT … FOR UPDATE SKIP LOCKED. The bag is written under a temporary name and renamed when
-- finished, so "bag_path" is set only on status 'done'. A running job whose heartbeat stops
-- (killed process) is swept to 'failed' and its partial file removed.

CREATE TABLE "export_jobs" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "case_id" UUID NOT NULL REFERENCES "cases" ("id"),
  "requested_by" TEXT NOT NULL,
  "requested_by_email" TEXT NOT NULL,
  -- The builder options (scope, fields, redaction, privilege log, sample) as validated by ZExportOptions.
  "options" JSONB NOT NULL,
  "status" TEXT NOT NULL DEFAULT 'queued',
  "phase" TEXT,
  "progress" REAL NOT NULL DEFAULT 0,
  "events_done" INTEGER NOT NULL DEFAULT 0,
  "events_total" INTEGER NOT NULL DEFAULT 0,
  "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
  "worker_id" TEXT,
  "heartbeat_at" TIMESTAMPTZ(3),
  "bag_path" TEXT,
  "bag_name" TEXT,
  "bag_bytes" BIGINT,
  "bag_sha256" TEXT,
  -- Summary of the finished build (events, payload oxum, tag manifest hash, signing key id, …).
  "result" JSONB,
  "error" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "started_at" TIMESTAMPTZ(3),
  "finished_at" TIMESTAMPTZ(3),
  CONSTRAINT "export_jobs_status_check" CHECK ("status" IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  CONSTRAINT "export_jobs_done_check" CHECK (("status" = 'done') = ("bag_path" IS NOT NULL))
);
CREATE INDEX "export_jobs_status_created_at_idx" ON "export_jobs" ("status", "created_at");
CREATE INDEX "export_jobs_case_id_created_at_idx" ON "export_jobs" ("case_id", "created_at");

-- Legal holds (issue 10, item 7). Legal or an admin puts a case on hold with a reason; while the
-- hold is active (lifted_at IS NULL) every account linked to the case is held, and the retention
-- purge (lib/cases/retention) never deletes a held account's events. A hold is never deleted: a
-- lift records who, when and why, so the history stays readable beside the audit log.
CREATE TABLE "legal_holds" (
  "id" BIGSERIAL PRIMARY KEY,
  "case_id" UUID NOT NULL REFERENCES "cases" ("id"),
  "reason" TEXT NOT NULL,
  "set_by" TEXT NOT NULL,
  "set_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "lifted_at" TIMESTAMPTZ(3),
  "lifted_by" TEXT,
  "lift_reason" TEXT,
  CONSTRAINT "legal_holds_lift_check" CHECK (("lifted_at" IS NULL) = ("lifted_by" IS NULL))
);
CREATE INDEX "legal_holds_case_id_idx" ON "legal_holds" ("case_id");
-- At most one active hold per case.
CREATE UNIQUE INDEX "legal_holds_active_case_key" ON "legal_holds" ("case_id") WHERE "lifted_at" IS NULL;

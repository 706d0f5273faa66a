-- Foundation: users, append-only hash-chained audit log, sign-in throttle, settings, ingest tokens.
CREATE TYPE "Role" AS ENUM ('analyst', 'legal', 'admin');

CREATE TABLE "users" (
  "id" TEXT PRIMARY KEY,
  "email" TEXT NOT NULL UNIQUE,
  "name" TEXT NOT NULL,
  "role" "Role" NOT NULL,
  "password_hash" TEXT,
  "disabled" BOOLEAN NOT NULL DEFAULT false,
  "oidc_subject" TEXT UNIQUE,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "last_login_at" TIMESTAMPTZ(3)
);

CREATE TABLE "audit_log" (
  "id" BIGINT PRIMARY KEY,
  "at" TIMESTAMPTZ(3) NOT NULL,
  "actor_id" TEXT,
  "actor_email" TEXT,
  "action" TEXT NOT NULL,
  "target_type" TEXT NOT NULL,
  "target_id" TEXT,
  "before" JSONB,
  "after" JSONB,
  "reason" TEXT,
  "request_id" TEXT,
  "prev_hash" TEXT NOT NULL,
  "hash" TEXT NOT NULL
);
CREATE INDEX "audit_log_target_type_target_id_idx" ON "audit_log" ("target_type", "target_id");
CREATE INDEX "audit_log_actor_id_idx" ON "audit_log" ("actor_id");
CREATE INDEX "audit_log_action_idx" ON "audit_log" ("action");

-- The audit log is append-only: any UPDATE, DELETE or TRUNCATE raises, whoever runs it.
-- (A superuser can still disable the trigger; `npm run audit:verify` then catches the edit
-- through the hash chain.)
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE "auth_throttle" (
  "key" TEXT PRIMARY KEY,
  "failures" INTEGER NOT NULL DEFAULT 0,
  "window_start" TIMESTAMPTZ(3) NOT NULL,
  "locked_until" TIMESTAMPTZ(3)
);

CREATE TABLE "settings" (
  "key" TEXT PRIMARY KEY,
  "value" JSONB NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_by" TEXT
);

CREATE TABLE "ingest_tokens" (
  "id" TEXT PRIMARY KEY,
  "name" TEXT NOT NULL,
  "token_hash" TEXT NOT NULL UNIQUE,
  "prefix" TEXT NOT NULL,
  "created_by" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "revoked_at" TIMESTAMPTZ(3),
  "last_used_at" TIMESTAMPTZ(3)
);

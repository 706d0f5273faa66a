-- Ingest staging row types. Each ingest connection creates a temporary table OF these types
-- (ON COMMIT DELETE ROWS); batches are loaded into it with COPY (Postgres) or
-- json_populate_recordset(NULL::<type>, $1::json) (PGlite, which cannot COPY over its socket),
-- then merged into events / accounts and the rollups by one set-based statement per batch.
CREATE TYPE "ingest_event_row" AS (
  "line_no" INTEGER,
  "id" TEXT,
  "ts" TIMESTAMPTZ(3),
  "account_id" TEXT,
  "model" TEXT,
  "api_key_id" TEXT,
  "org_id" TEXT,
  "ip" INET,
  "asn" INTEGER,
  "country" TEXT,
  "user_agent" TEXT,
  "conversation_id" TEXT,
  "turn" INTEGER,
  "system_prompt" TEXT,
  "system_prompt_sha256" TEXT,
  "prompt" TEXT,
  "prompt_sha256" TEXT,
  "response" TEXT,
  "input_tokens" INTEGER,
  "output_tokens" INTEGER,
  "max_tokens" INTEGER,
  "finish_reason" TEXT,
  "temperature" REAL,
  "thinking" BOOLEAN,
  "status" INTEGER,
  "extra" JSONB,
  "simhash" BIGINT,
  "tax_bucket" SMALLINT,
  "lsh_bucket" SMALLINT,
  "reasoning" BOOLEAN,
  "single_turn" BOOLEAN
);

CREATE TYPE "ingest_account_row" AS (
  "line_no" INTEGER,
  "account_id" TEXT,
  "created_at" TIMESTAMPTZ(3),
  "email_domain" TEXT,
  "org_id" TEXT,
  "tier" TEXT,
  "country" TEXT,
  "payment_fingerprint" TEXT,
  "signup_ip" INET,
  "verified" BOOLEAN,
  "extra" JSONB
);

-- Runs list newest first on the admin page; quarantine is browsed per run and line.
CREATE INDEX "ingest_runs_started_at_idx" ON "ingest_runs" ("started_at" DESC);
CREATE INDEX "quarantine_run_id_line_no_idx" ON "quarantine" ("run_id", "line_no");

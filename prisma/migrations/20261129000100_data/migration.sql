-- Input data, ingest bookkeeping, rollups and detection output.
-- Every large table carries account_id so it can later be distributed by it (Citus).

CREATE TABLE "accounts" (
  "account_id" TEXT PRIMARY KEY,
  "created_at" TIMESTAMPTZ(3),
  "email_domain" TEXT,
  "org_id" TEXT,
  "tier" TEXT,
  "country" TEXT,
  "payment_fingerprint" TEXT,
  "signup_ip" INET,
  "verified" BOOLEAN,
  "extra" JSONB,
  "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

-- Range-partitioned by time; monthly partitions are created on demand by the ingest
-- (ensure_event_partition below). The primary key must contain the partition key, hence (id, ts).
CREATE TABLE "events" (
  "id" TEXT NOT NULL,
  "ts" TIMESTAMPTZ(3) NOT NULL,
  "account_id" TEXT NOT NULL,
  "model" TEXT NOT NULL,
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
  "prompt_sha256" TEXT NOT NULL,
  "response" TEXT,
  "input_tokens" INTEGER,
  "output_tokens" INTEGER,
  "max_tokens" INTEGER,
  "finish_reason" TEXT,
  "temperature" REAL,
  "thinking" BOOLEAN,
  "status" INTEGER,
  "extra" JSONB,
  "simhash" BIGINT NOT NULL,
  "tax_bucket" SMALLINT NOT NULL,
  "lsh_bucket" SMALLINT NOT NULL,
  "reasoning" BOOLEAN NOT NULL,
  "single_turn" BOOLEAN NOT NULL,
  "run_id" BIGINT,
  PRIMARY KEY ("id", "ts")
) PARTITION BY RANGE ("ts");
CREATE INDEX "events_account_id_ts_idx" ON "events" ("account_id", "ts");
CREATE INDEX "events_ts_brin" ON "events" USING BRIN ("ts");
-- Catch-all so an event far outside the expected range is never rejected for lack of a partition.
CREATE TABLE "events_default" PARTITION OF "events" DEFAULT;

CREATE FUNCTION ensure_event_partition(month_start DATE) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  name TEXT := 'events_' || to_char(month_start, 'YYYYMM');
BEGIN
  IF to_regclass(name) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF events FOR VALUES FROM (%L) TO (%L)',
                   name, month_start, (month_start + INTERVAL '1 month')::date);
  END IF;
END $$;

CREATE TABLE "ingest_runs" (
  "id" BIGSERIAL PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "source" TEXT NOT NULL,
  "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "finished_at" TIMESTAMPTZ(3),
  "status" TEXT NOT NULL DEFAULT 'running',
  "lines" INTEGER NOT NULL DEFAULT 0,
  "accepted" INTEGER NOT NULL DEFAULT 0,
  "duplicates" INTEGER NOT NULL DEFAULT 0,
  "rejected" INTEGER NOT NULL DEFAULT 0,
  "actor" TEXT
);

CREATE TABLE "quarantine" (
  "id" BIGSERIAL PRIMARY KEY,
  "run_id" BIGINT,
  "kind" TEXT NOT NULL,
  "source" TEXT NOT NULL,
  "line_no" INTEGER NOT NULL,
  "raw" TEXT NOT NULL,
  "truncated" BOOLEAN NOT NULL DEFAULT false,
  "field" TEXT,
  "reason" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "quarantine_run_id_idx" ON "quarantine" ("run_id");

CREATE TABLE "account_daily" (
  "account_id" TEXT NOT NULL,
  "day" DATE NOT NULL,
  "events" INTEGER NOT NULL DEFAULT 0,
  "input_tokens" BIGINT NOT NULL DEFAULT 0,
  "output_tokens" BIGINT NOT NULL DEFAULT 0,
  "finish_length" INTEGER NOT NULL DEFAULT 0,
  "reasoning" INTEGER NOT NULL DEFAULT 0,
  "thinking" INTEGER NOT NULL DEFAULT 0,
  "single_turn" INTEGER NOT NULL DEFAULT 0,
  "tool_use" INTEGER NOT NULL DEFAULT 0,
  "errors" INTEGER NOT NULL DEFAULT 0,
  "max_tokens_sum" BIGINT NOT NULL DEFAULT 0,
  "max_tokens_n" INTEGER NOT NULL DEFAULT 0,
  "temp_n" INTEGER NOT NULL DEFAULT 0,
  "temp_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "temp_sum2" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "gap_n" INTEGER NOT NULL DEFAULT 0,
  "gap_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "gap_sum2" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "new_templates" INTEGER NOT NULL DEFAULT 0,
  "hour_hist" INTEGER[],
  "first_ts" TIMESTAMPTZ(3) NOT NULL,
  "last_ts" TIMESTAMPTZ(3) NOT NULL,
  PRIMARY KEY ("account_id", "day")
);
CREATE INDEX "account_daily_day_idx" ON "account_daily" ("day");

CREATE TABLE "account_bucket" (
  "account_id" TEXT NOT NULL,
  "kind" SMALLINT NOT NULL,
  "bucket" INTEGER NOT NULL,
  "first_ts" TIMESTAMPTZ(3) NOT NULL,
  "events" INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY ("account_id", "kind", "bucket")
);

CREATE TABLE "account_template" (
  "account_id" TEXT NOT NULL,
  "simhash" BIGINT NOT NULL,
  "events" INTEGER NOT NULL DEFAULT 0,
  "first_ts" TIMESTAMPTZ(3) NOT NULL,
  "last_ts" TIMESTAMPTZ(3) NOT NULL,
  PRIMARY KEY ("account_id", "simhash")
);

CREATE TABLE "account_indicator" (
  "account_id" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "value" TEXT NOT NULL,
  "events" INTEGER NOT NULL DEFAULT 0,
  "first_ts" TIMESTAMPTZ(3) NOT NULL,
  "last_ts" TIMESTAMPTZ(3) NOT NULL,
  PRIMARY KEY ("account_id", "kind", "value")
);
CREATE INDEX "account_indicator_kind_value_idx" ON "account_indicator" ("kind", "value");

CREATE TABLE "detect_runs" (
  "id" BIGSERIAL PRIMARY KEY,
  "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "finished_at" TIMESTAMPTZ(3),
  "status" TEXT NOT NULL DEFAULT 'running',
  "stats" JSONB
);

CREATE TABLE "account_score" (
  "account_id" TEXT PRIMARY KEY,
  "risk" REAL NOT NULL,
  "flagged" BOOLEAN NOT NULL,
  "cluster_id" TEXT,
  "reasons" TEXT[],
  "contributions" JSONB NOT NULL,
  "signals" JSONB NOT NULL,
  "events" INTEGER NOT NULL,
  "coverage" REAL NOT NULL,
  "first_seen" TIMESTAMPTZ(3),
  "last_seen" TIMESTAMPTZ(3),
  "run_id" BIGINT NOT NULL,
  "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "account_score_risk_idx" ON "account_score" ("risk" DESC);
CREATE INDEX "account_score_cluster_id_idx" ON "account_score" ("cluster_id");

CREATE TABLE "clusters" (
  "id" TEXT PRIMARY KEY,
  "risk" REAL NOT NULL,
  "flagged" BOOLEAN NOT NULL,
  "members" INTEGER NOT NULL,
  "events" BIGINT NOT NULL,
  "reasons" TEXT[],
  "contributions" JSONB NOT NULL,
  "features" JSONB NOT NULL,
  "indicators" JSONB NOT NULL,
  "run_id" BIGINT NOT NULL,
  "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "clusters_risk_idx" ON "clusters" ("risk" DESC);

CREATE TABLE "cluster_members" (
  "account_id" TEXT PRIMARY KEY,
  "cluster_id" TEXT NOT NULL
);
CREATE INDEX "cluster_members_cluster_id_idx" ON "cluster_members" ("cluster_id");

CREATE TABLE "flags" (
  "id" BIGSERIAL PRIMARY KEY,
  "subject_type" TEXT NOT NULL,
  "subject_id" TEXT NOT NULL,
  "risk" REAL NOT NULL,
  "reasons" TEXT[],
  "status" TEXT NOT NULL DEFAULT 'open',
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "run_id" BIGINT
);
CREATE UNIQUE INDEX "flags_subject_type_subject_id_key" ON "flags" ("subject_type", "subject_id");
CREATE INDEX "flags_status_created_at_idx" ON "flags" ("status", "created_at");

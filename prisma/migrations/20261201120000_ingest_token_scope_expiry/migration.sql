-- Ingest tokens get a scope (which endpoints they may feed) and an optional expiry (issue 12,
-- defect 8). Existing tokens keep what they could do: both kinds, no expiry. The default only
-- fills existing rows; new tokens always name their scope (lib/ingest/tokens.ts).
ALTER TABLE "ingest_tokens"
  ADD COLUMN "scopes" TEXT[] NOT NULL DEFAULT ARRAY['events', 'accounts']::TEXT[],
  ADD COLUMN "expires_at" TIMESTAMPTZ(3);
ALTER TABLE "ingest_tokens" ALTER COLUMN "scopes" DROP DEFAULT;
ALTER TABLE "ingest_tokens" ADD CONSTRAINT "ingest_tokens_scopes_check"
  CHECK (cardinality("scopes") > 0 AND "scopes" <@ ARRAY['events', 'accounts']::TEXT[]);

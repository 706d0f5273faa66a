-- Audit chain sealed after commit (lib/audit/seal.ts), so no transaction holds the chain lock
-- until it commits. A writer inserts its row with an id from a sequence and `row_hash` =
-- sha256(canonical JSON of the row, id left empty) and takes no lock; the sealer, one at a time
-- under the chain advisory lock, gives committed rows their place in the chain (`seq`, gap-free) and links them
-- (`prev_hash`, `hash` = sha256(prev_hash || canonical JSON), the formula of every earlier row).
-- Rows written before this migration were sealed at write: their place is their id.

ALTER TABLE "audit_log" ADD COLUMN "seq" BIGINT, ADD COLUMN "row_hash" TEXT;
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_no_update_delete";
UPDATE "audit_log" SET "seq" = "id";
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_no_update_delete";
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL, ALTER COLUMN "hash" DROP NOT NULL;

CREATE SEQUENCE "audit_log_id_seq" OWNED BY "audit_log"."id";
SELECT setval('"audit_log_id_seq"', coalesce((SELECT max("id") FROM "audit_log"), 0) + 1, false);
ALTER TABLE "audit_log" ALTER COLUMN "id" SET DEFAULT nextval('"audit_log_id_seq"');

-- One place per row and one successor per row: two sealers can never fork the chain.
CREATE UNIQUE INDEX "audit_log_seq_key" ON "audit_log" ("seq");
CREATE UNIQUE INDEX "audit_log_prev_hash_key" ON "audit_log" ("prev_hash");
-- What the sealer reads next.
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" ("id") WHERE "seq" IS NULL;
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_sealed_check" CHECK (
  ("seq" IS NULL) = ("hash" IS NULL) AND ("hash" IS NULL) = ("prev_hash" IS NULL)
  AND ("seq" IS NOT NULL OR "row_hash" IS NOT NULL));

-- Still append-only: the one UPDATE allowed is sealing an unsealed row, changing nothing else.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."seq" IS NULL AND NEW."seq" IS NOT NULL
     AND NEW."id" = OLD."id" AND NEW."at" = OLD."at"
     AND NEW."actor_id" IS NOT DISTINCT FROM OLD."actor_id"
     AND NEW."actor_email" IS NOT DISTINCT FROM OLD."actor_email"
     AND NEW."action" = OLD."action" AND NEW."target_type" = OLD."target_type"
     AND NEW."target_id" IS NOT DISTINCT FROM OLD."target_id"
     AND NEW."before" IS NOT DISTINCT FROM OLD."before"
     AND NEW."after" IS NOT DISTINCT FROM OLD."after"
     AND NEW."reason" IS NOT DISTINCT FROM OLD."reason"
     AND NEW."request_id" IS NOT DISTINCT FROM OLD."request_id"
     AND NEW."row_hash" IS NOT DISTINCT FROM OLD."row_hash" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

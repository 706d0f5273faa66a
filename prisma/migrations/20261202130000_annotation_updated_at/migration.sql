-- Issue #15: an edited tag or comment is marked "edited" with the time of its last edit, so a
-- reader knows the text is not what was first written (the audit log keeps every version).
ALTER TABLE "annotations" ADD COLUMN "updated_at" TIMESTAMPTZ(3);

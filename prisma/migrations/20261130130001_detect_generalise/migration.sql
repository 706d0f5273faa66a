-- Detection that generalises (issue 13).

-- Versioned detection settings: every applied settings object (an admin's edit, a calibration's
-- weights, a revert) is a new row; `settings` keeps the one in force and its version number.
CREATE TABLE "detect_settings_versions" (
  "version" SERIAL PRIMARY KEY,
  "settings" JSONB NOT NULL,
  "source" TEXT NOT NULL,
  "note" TEXT,
  "created_by" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

-- The settings version a detection run used (null = the code defaults, nothing stored yet).
ALTER TABLE "detect_runs" ADD COLUMN "settings_version" INTEGER;

-- Membership is not a verdict: per member, how strongly it is tied to the cluster, its own risk,
-- and its state ('flagged' with own evidence or a strong tie, 'review' = linked, review, 'linked'
-- when the cluster itself is not flagged).
ALTER TABLE "cluster_members"
  ADD COLUMN "tie_strength" REAL NOT NULL DEFAULT 0,
  ADD COLUMN "tie_kinds" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "own_risk" REAL NOT NULL DEFAULT 0,
  ADD COLUMN "state" TEXT NOT NULL DEFAULT 'linked';

-- A flag closed by detection (its subject vanished) says why.
ALTER TABLE "flags" ADD COLUMN "closed_reason" TEXT;

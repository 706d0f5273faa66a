-- Issue #12: 'access.denied' audit rows are rate-limited per actor, so hammering a forbidden route
-- cannot fill the audit log (lib/audit/denial-limit.ts). One row per actor key: the current
-- window's start, the refusals counted in it (recorded or not), and the refusals of the previous
-- window that were counted but not recorded, which the window's first audit row reports.
CREATE TABLE "access_denied_throttle" (
  "key"          TEXT NOT NULL PRIMARY KEY,
  "window_start" TIMESTAMPTZ(3) NOT NULL,
  "denials"      INTEGER NOT NULL DEFAULT 0,
  "carried"      INTEGER NOT NULL DEFAULT 0
);

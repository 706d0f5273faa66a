-- Issue #12, defect 6: sign-in throttling counts an attempt before its password is verified (so
-- parallel guesses cannot pass the limit) and answers repeated failures with growing delays
-- instead of one fixed lock (lib/auth/rate-limit.ts). The column holds the time of the last
-- counted attempt: a key quiet for LOGIN_LOCK_MINUTES starts counting afresh.
ALTER TABLE "auth_throttle" RENAME COLUMN "window_start" TO "last_attempt_at";

-- Issue #12 defects 1 and 6. Sessions are stateless JWTs (12 h): a token carries the user's
-- session_version at sign-in, and every request compares it with this column. A password change,
-- a role change, disabling, signing out and an admin's "end sessions" bump it, so every token
-- issued before is refused at once. must_change_password holds a user (an admin created by
-- `npm run users:create-admin`, or a password an admin reset) on the password-change page until
-- they choose their own password.
ALTER TABLE "users"
  ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;

-- Signing out ends that one session: its id (the token's `sid`) is kept here until the token
-- would have expired anyway. Other devices of the same user stay signed in.
CREATE TABLE "revoked_sessions" (
  "sid"        TEXT PRIMARY KEY,
  "user_id"    TEXT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
  "expires_at" TIMESTAMPTZ(3) NOT NULL
);
CREATE INDEX "revoked_sessions_expires_at_idx" ON "revoked_sessions" ("expires_at");

-- Linking state for `detect --since-last` (issue 14, item 4; lib/detect/link-since-last.ts).
--
-- Linking joins accounts whose shared rare indicators weigh enough; its result is the connected
-- components of that graph, clusters being the components of at least minClusterSize accounts.
-- A later batch can only add or remove edges between accounts that share a group holding an
-- account that received events, so an incremental run relinks only the components those accounts
-- belong to. For that it needs every account's component (also the ones too small to be a
-- cluster, which cluster_members does not hold) and its template frames (SimHash bands used by
-- at least three of its prompts; recomputing them reads every account's templates).
-- component: the least account id of the account's component (itself when it is linked to no one).
-- Written in full by a full run, the relinked rows by an incremental one (same transaction as the
-- scores); what the linking was run with (accounts, cap, planned pairs) is in detect_runs.stats.link.
CREATE TABLE "detect_link_state" (
  "account_id" TEXT PRIMARY KEY,
  "component" TEXT NOT NULL,
  "frames" INTEGER[] NOT NULL DEFAULT '{}',
  "run_id" BIGINT NOT NULL
);

-- Cluster members' own results (risk, reasons, signals, daily totals before membership is
-- applied), as the run that last scored them computed them against the population in
-- detect_reference. An incremental run rescoring a cluster because one member received events
-- reads only that member's rollups; the others' own results have not changed (their rollups and
-- the population are the same), so their rows are rebuilt from these. Replaced by a full run;
-- an incremental run rewrites the rows of the accounts it touched or rescored.
CREATE TABLE "detect_member_result" (
  "account_id" TEXT PRIMARY KEY,
  "result" JSONB NOT NULL,
  "run_id" BIGINT NOT NULL
);

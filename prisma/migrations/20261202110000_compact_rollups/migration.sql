-- Compact rollups (issue 14): the per-bucket and per-template rollup rows (account_bucket,
-- account_template: about one indexed row write per event each) become one row per account, UTC
-- day and ingest batch in account_day_sets, holding the day's taxonomy buckets, fine LSH buckets
-- and templates as parallel arrays (unordered; element i of each array of a group belongs
-- together). Times are milliseconds since the start of the row's UTC day, so they are exact to the
-- millisecond of events.ts. A batch only appends rows (no conflict, no merge): a bucket's first
-- time is the least over all rows of the account, its event count the sum; the same for a
-- template (last time: the greatest). That rule is order-independent, so batches arriving out of
-- time order give the same answers. The old tables stay readable as views with the same columns
-- (detection, the pages, replay and cluster coverage read them unchanged); docs/ingest.md#rollups.

CREATE TABLE "account_day_sets" (
  "account_id" TEXT NOT NULL,
  "day" DATE NOT NULL,
  "part" BIGSERIAL NOT NULL,
  "tax_bucket" SMALLINT[] NOT NULL,
  "tax_first" INTEGER[] NOT NULL,
  "tax_events" INTEGER[] NOT NULL,
  "lsh_bucket" SMALLINT[] NOT NULL,
  "lsh_first" INTEGER[] NOT NULL,
  "lsh_events" INTEGER[] NOT NULL,
  "simhash" BIGINT[] NOT NULL,
  "tmpl_events" INTEGER[] NOT NULL,
  "tmpl_first" INTEGER[] NOT NULL,
  "tmpl_last" INTEGER[] NOT NULL,
  PRIMARY KEY ("account_id", "day", "part")
);

-- Existing data: every bucket on the day of its first time; every template on the day of its
-- first time with its count, plus (when its last time falls on a later day) an element of zero
-- events on that day carrying the last time. The aggregates below then return the old rows exactly.
WITH el AS (
  SELECT account_id, (first_ts AT TIME ZONE 'UTC')::date AS day, 0 AS k, bucket::bigint AS v, first_ts AS f, first_ts AS l, events AS n
  FROM "account_bucket" WHERE kind = 0
  UNION ALL
  SELECT account_id, (first_ts AT TIME ZONE 'UTC')::date, 1, bucket, first_ts, first_ts, events FROM "account_bucket" WHERE kind = 1
  UNION ALL
  SELECT account_id, (first_ts AT TIME ZONE 'UTC')::date, 2, simhash, first_ts,
    CASE WHEN (last_ts AT TIME ZONE 'UTC')::date = (first_ts AT TIME ZONE 'UTC')::date THEN last_ts ELSE first_ts END, events
  FROM "account_template"
  UNION ALL
  SELECT account_id, (last_ts AT TIME ZONE 'UTC')::date, 2, simhash, last_ts, last_ts, 0 FROM "account_template"
  WHERE (last_ts AT TIME ZONE 'UTC')::date <> (first_ts AT TIME ZONE 'UTC')::date
), t AS (
  SELECT *, (extract(epoch FROM (f AT TIME ZONE 'UTC')::time) * 1000)::int AS fm,
    (extract(epoch FROM (l AT TIME ZONE 'UTC')::time) * 1000)::int AS lm FROM el
)
INSERT INTO "account_day_sets" (account_id, day, tax_bucket, tax_first, tax_events, lsh_bucket, lsh_first, lsh_events,
  simhash, tmpl_events, tmpl_first, tmpl_last)
SELECT account_id, day,
  coalesce(array_agg(v::smallint) FILTER (WHERE k = 0), '{}'), coalesce(array_agg(fm) FILTER (WHERE k = 0), '{}'),
  coalesce(array_agg(n) FILTER (WHERE k = 0), '{}'),
  coalesce(array_agg(v::smallint) FILTER (WHERE k = 1), '{}'), coalesce(array_agg(fm) FILTER (WHERE k = 1), '{}'),
  coalesce(array_agg(n) FILTER (WHERE k = 1), '{}'),
  coalesce(array_agg(v) FILTER (WHERE k = 2), '{}'), coalesce(array_agg(n) FILTER (WHERE k = 2), '{}'),
  coalesce(array_agg(fm) FILTER (WHERE k = 2), '{}'), coalesce(array_agg(lm) FILTER (WHERE k = 2), '{}')
FROM t GROUP BY account_id, day;

DROP TABLE "account_bucket";
DROP TABLE "account_template";

-- new_templates per day is now read from the templates' first days (lib/queries/account-series.ts):
-- the ingest-time count depended on which batch saw a template first.
ALTER TABLE "account_daily" DROP COLUMN "new_templates";

-- The old rows, aggregated from the day sets. A filter on account_id (and kind) is pushed below
-- the GROUP BY, so one account's rows come from its own day sets only.
CREATE VIEW "account_bucket" AS
SELECT s.account_id, 0::smallint AS kind, u.b::int AS bucket,
  'epoch'::timestamptz + min((s.day - DATE '1970-01-01') * 86400000::bigint + u.f) * interval '1 millisecond' AS first_ts,
  sum(u.n)::int AS events
FROM "account_day_sets" s CROSS JOIN LATERAL unnest(s.tax_bucket, s.tax_first, s.tax_events) AS u(b, f, n)
GROUP BY s.account_id, u.b
UNION ALL
SELECT s.account_id, 1::smallint, u.b::int,
  'epoch'::timestamptz + min((s.day - DATE '1970-01-01') * 86400000::bigint + u.f) * interval '1 millisecond',
  sum(u.n)::int
FROM "account_day_sets" s CROSS JOIN LATERAL unnest(s.lsh_bucket, s.lsh_first, s.lsh_events) AS u(b, f, n)
GROUP BY s.account_id, u.b;

CREATE VIEW "account_template" AS
SELECT s.account_id, u.h AS simhash, sum(u.n)::int AS events,
  'epoch'::timestamptz + min((s.day - DATE '1970-01-01') * 86400000::bigint + u.f) * interval '1 millisecond' AS first_ts,
  'epoch'::timestamptz + max((s.day - DATE '1970-01-01') * 86400000::bigint + u.l) * interval '1 millisecond' AS last_ts
FROM "account_day_sets" s CROSS JOIN LATERAL unnest(s.simhash, s.tmpl_events, s.tmpl_first, s.tmpl_last) AS u(h, n, f, l)
GROUP BY s.account_id, u.h;

// Database objects the SQL migrations create that schema.prisma does not express, each with the
// reason. tests/integration/schema-constraints.int.test.ts fails on any other difference between
// the migrated database and the datamodel (keys, unique constraints, indexes, defaults, foreign
// keys). Also outside Prisma and not compared here: triggers and their functions (the audit log's
// append-only guard, flags.opened_at on re-open), events' partitions, and CHECK constraints.
export const SQL_ONLY: {
  indexes: Record<string, string>;
  defaults: Record<string, string>;
  foreignKeys: Record<string, string>;
} = {
  indexes: {
    events_ts_brin: 'BRIN on the append-ordered events.ts: tiny, for time-range scans',
    events_run_id_brin:
      'BRIN on events.run_id (appended in run order): the events of recent ingest runs, for detect --since-last',
    queue_items_open_subject_key:
      'partial unique (WHERE status = open): one open item per subject and queue',
    queue_items_claim_idx: 'partial (open and unassigned): the claim-next order',
    queue_items_assignee_id_idx: "partial (open items): an analyst's claimed work",
    audit_log_unsealed_idx: 'partial (seq IS NULL): the rows the audit sealer links next',
    legal_holds_active_case_key: 'partial unique (lifted_at IS NULL): one active hold per case',
  },
  defaults: {},
  foreignKeys: {
    // Integrity kept by the database; the app never navigates these as Prisma relations, so the
    // models carry plain id columns (modelling them would add back-relation fields to User,
    // Annotation and Case).
    export_jobs_case_id_fkey: 'export job → its case',
    export_jobs_rebuild_of_fkey: 'rebuild → the export it rebuilds (same package, same cut-off)',
    case_pins_annotation_id_fkey: 'pinned annotation → annotations',
    queue_members_user_id_fkey: 'queue member → users',
    case_notes_case_id_fkey: 'note → its case',
    inbox_items_case_id_fkey: 'inbox entry → the case it is about',
    case_clause_links_case_id_fkey: 'clause link → its case',
    legal_holds_case_id_fkey: 'legal hold → its case',
    revoked_sessions_user_id_fkey: 'revoked session → its user (sign-out ends one session)',
  },
};

import type { Pool } from 'pg';
import { sealAuditChain } from '@/lib/audit/seal';
import { withPgTransaction } from '@/lib/db/transaction';
import type { StixFacts } from '../types';
import { resolveScope } from '../writers/event-sql';
import { loadStixFacts } from '../writers/stix';
import type { ClaimedJob } from './claim';

// An export's cut-off: the point in the data its package describes, fixed the first time the job
// runs and stored in export_jobs.cutoff. A rebuild (a later job with rebuild_of) takes the
// original's cut-off, so it reads the same audit rows, the same ingest runs, the same accounts
// and the same detection facts — and writes the same payload bytes — whatever happened since.

export interface ExportCutoff {
  /** When the cut-off was taken (ISO, UTC): the time of the custody log's export entry. */
  at: string;
  /** The audit chain head then (its id and hash, for the bag and the custody entry). */
  auditId: string;
  auditHash: string | null;
  /**
   * The head's chain position: the custody log holds the case's rows sealed up to it. Ids are
   * taken at insert, so a row with a lower id may commit (and be sealed) after the cut-off; its
   * seq is higher. Absent on cut-offs taken before this field existed (they cut by id).
   */
  auditSeq?: string | null;
  /** The newest ingest run then: events of later runs are left out. */
  maxRunId: string | null;
  /**
   * events_insert_seq at the cut-off, read while no inserting transaction was open: every event
   * committed before has a lower value, every later one (an ingest run still going, a writer
   * outside any run) a higher one. Absent on cut-offs taken before this field existed.
   */
  eventSeq?: string | null;
  /** The case as it was: title (bag description, STIX campaign) and opening time. */
  caseTitle: string;
  openedAt: string;
  /** The case's accounts plus its clusters' members, as they were. */
  accountIds: string[];
  /** Clusters and shared infrastructure for STIX, from the detection tables as they were. */
  stix: StixFacts;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
/** Taken shared by every INSERT into events (trigger of migration 20261202140000_events_insert_seq). */
const EVENTS_INSERT_LOCK = 1685546358; // 'dwev'

/** The next events_insert_seq value, read under the insert lock taken exclusively: no event
 *  insert is open, so all committed rows are below it and all later ones above. Waits at most for
 *  the inserting transactions then open (an ingest batch each). */
async function eventsInsertPoint(pool: Pool): Promise<string> {
  return withPgTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [EVENTS_INSERT_LOCK]);
    const r = await c.query<{ s: string }>(`SELECT nextval('events_insert_seq')::text AS s`);
    return r.rows[0].s;
  });
}

/** The job's cut-off: the stored one, else taken now (in one snapshot) and stored. */
export async function fixCutoff(pool: Pool, job: ClaimedJob): Promise<ExportCutoff> {
  if (job.cutoff) return job.cutoff;
  // The head is the sealed chain's (lib/audit/seal.ts): seal what is committed first.
  await sealAuditChain(pool);
  const eventSeq = await eventsInsertPoint(pool);
  return withPgTransaction(pool, async (c) => {
    await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const { rows } = await c.query<Omit<ExportCutoff, 'accountIds' | 'stix'>>(
      `SELECT to_char(now() AT TIME ZONE 'UTC', ${ISO}) AS at,
              coalesce(h.id::text, '0') AS "auditId", h.hash AS "auditHash",
              coalesce(h.seq::text, '0') AS "auditSeq",
              (SELECT max(id)::text FROM ingest_runs) AS "maxRunId",
              k.title AS "caseTitle", to_char(k.created_at AT TIME ZONE 'UTC', ${ISO}) AS "openedAt"
         FROM cases k
         LEFT JOIN LATERAL (SELECT id, hash, seq FROM audit_log WHERE seq IS NOT NULL
                             ORDER BY seq DESC LIMIT 1) h ON true
        WHERE k.id = $1::uuid`,
      [job.case_id],
    );
    if (!rows[0]) throw new Error(`Case ${job.case_id} of export ${job.id} no longer exists`);
    const o = job.options;
    const scope = await resolveScope(c, {
      caseId: job.case_id,
      title: rows[0].caseTitle,
      accountIds: o.accountIds ?? [],
      clusterIds: o.clusterIds ?? [],
    });
    const cutoff: ExportCutoff = {
      ...rows[0],
      eventSeq,
      accountIds: scope.accountIds,
      stix: await loadStixFacts(c, scope.accountIds, o.clusterIds ?? []),
    };
    await c.query(`UPDATE export_jobs SET cutoff = $2::jsonb WHERE id = $1::uuid`, [
      job.id,
      JSON.stringify(cutoff),
    ]);
    return cutoff;
  });
}

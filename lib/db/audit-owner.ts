import type { ClientBase, Pool } from 'pg';

// Issue #12, defect 8: the app's database role owned audit_log, so it could disable the
// append-only trigger (or replace the trigger function) and rewrite history. Where the server
// allows it, audit_log, its id sequence and the trigger function belong to a role that never logs
// in, and the app's role keeps only what it needs: SELECT, INSERT, and UPDATE of the three chain
// columns the sealer fills (the trigger still refuses every other change). Run by an
// administrator (`npm run db:protect-audit`); docs/security.md says what holds where it cannot run.

export const AUDIT_OWNER = 'distill_audit_owner';

export interface AuditProtection {
  owner: string;
  appRole: string;
  /** The app role could still take the table back: it is a superuser or a member of the owner. */
  weak: string | null;
}

const SEALED_COLUMNS = '"seq", "prev_hash", "hash"';

/** Moves audit_log to AUDIT_OWNER and grants `appRole` the rights the app uses; idempotent. */
export async function protectAuditLog(
  admin: ClientBase,
  appRole: string,
): Promise<AuditProtection> {
  const q = (sql: string) => admin.query(sql);
  const role = admin.escapeIdentifier(appRole);
  const owner = admin.escapeIdentifier(AUDIT_OWNER);
  await q('BEGIN');
  try {
    const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [AUDIT_OWNER]);
    if (!exists.rowCount) await q(`CREATE ROLE ${owner} NOLOGIN`);
    // Ownership moves with the sequence OWNED BY the table's column.
    await q(`ALTER TABLE audit_log OWNER TO ${owner}`);
    await q(`ALTER FUNCTION audit_log_append_only() OWNER TO ${owner}`);
    await q(`REVOKE ALL ON audit_log FROM ${role}`);
    await q(`GRANT SELECT, INSERT ON audit_log TO ${role}`);
    await q(`GRANT UPDATE (${SEALED_COLUMNS}) ON audit_log TO ${role}`);
    await q(`GRANT USAGE, SELECT ON SEQUENCE audit_log_id_seq TO ${role}`);
    await q('COMMIT');
  } catch (e) {
    await q('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return auditProtection(admin, appRole);
}

/** Who owns audit_log, and whether `appRole` could still alter it. */
export async function auditProtection(
  client: ClientBase,
  appRole: string,
): Promise<AuditProtection> {
  const { rows } = await client.query<{ owner: string; superuser: boolean; member: boolean }>(
    `SELECT pg_get_userbyid(c.relowner) AS owner, r.rolsuper AS superuser,
            pg_has_role($1, c.relowner, 'MEMBER') AS member
       FROM pg_class c, pg_roles r WHERE c.oid = 'audit_log'::regclass AND r.rolname = $1`,
    [appRole],
  );
  const r = rows[0];
  if (!r) throw new Error(`no role ${appRole}`);
  const weak = r.superuser
    ? `${appRole} is a superuser: it can disable any trigger`
    : r.member
      ? `${appRole} owns audit_log (or is a member of its owner ${r.owner}): it can disable the trigger`
      : null;
  return { owner: r.owner, appRole, weak };
}

/** Production start-up: says once when the app's own role could rewrite the audit history. */
export async function warnIfAuditUnprotected(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ me: string }>('SELECT current_user AS me');
    const p = await auditProtection(client, rows[0]!.me);
    if (p.weak)
      console.warn(
        `audit_log is not protected from this server's database role: ${p.weak}. ` +
          'See docs/security.md (npm run db:protect-audit).',
      );
  } finally {
    client.release();
  }
}

import 'server-only';
import { pgPool } from '@/lib/db/client';

// Names for the ids the audit log stores, so the page reads "Case #12 · Sweep ring" and
// "Ann Alyst" instead of UUIDs. One query per target type present on the page (at most a few
// hundred ids); ids that no longer resolve (a deleted saved view) keep showing their id.
// Accounts and events are named by their ids already; settings and runs have no other name.
const NAME_SQL: Record<string, string> = {
  user: `SELECT id, name || ' (' || email || ')' AS name FROM users WHERE id = ANY($1::text[])`,
  case: `SELECT id::text AS id, 'Case #' || number || ' · ' || title AS name FROM cases WHERE id::text = ANY($1::text[])`,
  queue: `SELECT id, name FROM queues WHERE id = ANY($1::text[])`,
  saved_view: `SELECT id, 'View “' || name || '” (' || page || ')' AS name FROM saved_views WHERE id = ANY($1::text[])`,
  case_template: `SELECT case_type AS id, name FROM case_templates WHERE case_type = ANY($1::text[])`,
  tos_clause: `SELECT id::text AS id, code || ' · ' || title AS name FROM tos_clauses WHERE id::text = ANY($1::text[])`,
  ingest_token: `SELECT id, 'Token “' || name || '”' AS name FROM ingest_tokens WHERE id = ANY($1::text[])`,
};

export type NameMap = Map<string, string>;
export const nameKey = (type: string, id: string) => `${type}:${id}`;

/** Names of the audit rows' targets and actors, keyed `type:id` (actors as `user:id`). */
export async function resolveAuditNames(
  entries: { target_type: string; target_id: string | null; actor_id: string | null }[],
): Promise<NameMap> {
  const ids = new Map<string, Set<string>>();
  const want = (type: string, id: string | null) => {
    if (!id || !NAME_SQL[type]) return;
    if (!ids.has(type)) ids.set(type, new Set());
    ids.get(type)!.add(id);
  };
  for (const e of entries) {
    want(e.target_type, e.target_id);
    want('user', e.actor_id);
  }
  const names: NameMap = new Map();
  await Promise.all(
    [...ids].map(async ([type, set]) => {
      const r = await pgPool().query<{ id: string; name: string }>(NAME_SQL[type], [[...set]]);
      for (const row of r.rows) names.set(nameKey(type, row.id), row.name);
    }),
  );
  return names;
}

import type { AuditFn, SqlRunner } from '@/lib/audit/write';
import type { InboxKind, TInboxMark } from '@/lib/schemas/note';

// The inbox writer: mentions (lib/cases/notes.ts), case assignments (create, update, bulk) and
// queue item reassignments (lib/queues) call it inside the transaction of the change, so an entry
// exists exactly when the change committed. It takes a SqlRunner so the queues' plain-SQL
// transactions and the cases' Prisma transactions use the same function.

export interface InboxEntry {
  user_id: string;
  kind: InboxKind;
  summary: string;
  case_id?: string | null;
  note_id?: string | null;
  queue_item_id?: string | null;
}

/**
 * Adds one entry per recipient. Nobody is notified of their own action (assigning yourself,
 * mentioning yourself), and a recipient named twice in one call gets one entry.
 */
export async function notify(
  db: SqlRunner,
  actorId: string | null,
  entries: InboxEntry[],
): Promise<number> {
  const seen = new Set<string>();
  const rows = entries.filter((e) => {
    const key = `${e.user_id}\u0000${e.kind}\u0000${e.case_id ?? ''}\u0000${e.queue_item_id ?? ''}`;
    if (e.user_id === actorId || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (rows.length === 0) return 0;
  await db.query(
    `INSERT INTO inbox_items (user_id, kind, case_id, note_id, queue_item_id, actor_id, summary)
     SELECT x.user_id, x.kind, x.case_id, x.note_id, x.queue_item_id, $2, x.summary
       FROM jsonb_to_recordset($1::jsonb) AS x(user_id text, kind text, case_id uuid,
            note_id bigint, queue_item_id text, summary text)`,
    [
      JSON.stringify(
        rows.map((r) => ({
          user_id: r.user_id,
          kind: r.kind,
          case_id: r.case_id ?? null,
          note_id: r.note_id ?? null,
          queue_item_id: r.queue_item_id ?? null,
          summary: r.summary.slice(0, 300),
        })),
      ),
      actorId,
    ],
  );
  return rows.length;
}

/** The inbox line for an assignment of a case. */
export const caseAssignedSummary = (c: { number: number; title: string }) =>
  `Assigned to you: case #${c.number} ${c.title}`;

/**
 * Marks the user's own entries read (or unread), or all of them read. Ids of other users'
 * entries are not touched (they simply do not count). Audited on the user.
 */
export async function markInbox(
  db: SqlRunner,
  audit: AuditFn,
  userId: string,
  input: TInboxMark,
): Promise<{ count: number }> {
  const all = 'all' in input;
  const read = all ? true : input.read;
  const rows = all
    ? await db.query<{ id: string }>(
        `UPDATE inbox_items SET read_at = now() WHERE user_id = $1 AND read_at IS NULL
         RETURNING id::text`,
        [userId],
      )
    : await db.query<{ id: string }>(
        `UPDATE inbox_items SET read_at = CASE WHEN $3 THEN coalesce(read_at, now()) END
          WHERE user_id = $1 AND id = ANY($2::bigint[]) RETURNING id::text`,
        [userId, input.ids, read],
      );
  await audit({
    action: 'inbox.mark',
    targetType: 'user',
    targetId: userId,
    after: { read, count: rows.length, all },
  });
  return { count: rows.length };
}

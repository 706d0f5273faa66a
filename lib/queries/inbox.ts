import 'server-only';
import { seesAllCases, type SessionUser } from '@/lib/auth/permissions';
import type { InboxKind } from '@/lib/schemas/note';
import { one, rows } from './sql';

// The user's inbox, newest first, server-paginated. An entry about a case the user can no longer
// open (removed from a restricted case's watchers) is hidden, so its summary (the case title)
// never leaks; the same rule as caseVisibilityWhere, in SQL.

export interface InboxRow {
  id: string;
  kind: InboxKind;
  summary: string;
  case_id: string | null;
  case_number: number | null;
  note_id: string | null;
  queue_item_id: string | null;
  actor_name: string | null;
  created_at: string;
  read_at: string | null;
}

export interface InboxPage {
  rows: InboxRow[];
  total: number;
  unread: number;
  page: number;
  size: number;
}

const VISIBLE = `(i.case_id IS NULL OR $2::boolean OR EXISTS (
  SELECT 1 FROM cases c WHERE c.id = i.case_id AND (NOT c.restricted OR c.assignee_id = $1
    OR EXISTS (SELECT 1 FROM case_watchers w WHERE w.case_id = c.id AND w.user_id = $1))))`;

export async function unreadCount(user: SessionUser): Promise<number> {
  const r = await one<{ n: number }>(
    `SELECT count(*)::int AS n FROM inbox_items i
      WHERE i.user_id = $1 AND i.read_at IS NULL AND ${VISIBLE}`,
    [user.id, seesAllCases(user)],
  );
  return r?.n ?? 0;
}

export async function getInbox(
  user: SessionUser,
  q: { page: number; size: number; unread?: 'true' | 'false' },
): Promise<InboxPage> {
  const onlyUnread = q.unread === 'true';
  const where = `i.user_id = $1 AND ${VISIBLE} AND (NOT $3::boolean OR i.read_at IS NULL)`;
  const params = [user.id, seesAllCases(user), onlyUnread];
  const [list, total, unread] = await Promise.all([
    rows<Omit<InboxRow, 'created_at' | 'read_at'> & { created_at: Date; read_at: Date | null }>(
      `SELECT i.id::text, i.kind, i.summary, i.case_id::text, c.number AS case_number,
              i.note_id::text, i.queue_item_id, u.name AS actor_name, i.created_at, i.read_at
         FROM inbox_items i
         LEFT JOIN cases c ON c.id = i.case_id
         LEFT JOIN users u ON u.id = i.actor_id
        WHERE ${where}
        ORDER BY i.created_at DESC, i.id DESC LIMIT $4 OFFSET $5`,
      [...params, q.size, (q.page - 1) * q.size],
    ),
    one<{ n: number }>(`SELECT count(*)::int AS n FROM inbox_items i WHERE ${where}`, params),
    unreadCount(user),
  ]);
  return {
    rows: list.map((r) => ({
      ...r,
      created_at: r.created_at.toISOString(),
      read_at: r.read_at ? r.read_at.toISOString() : null,
    })),
    total: total?.n ?? 0,
    unread,
    page: q.page,
    size: q.size,
  };
}

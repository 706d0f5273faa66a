import type { AuditFn } from '@/lib/audit/write';
import { randomUUID } from 'node:crypto';
import type { Tx } from '@/lib/db/client';
import { prisma } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { parseAccountQuery, toAccountSearch } from '@/lib/queries/account-filter';
import type { SavedViewDto, TSavedViewCreate } from '@/lib/schemas/saved-view';

const dto = (v: {
  id: string;
  page: string;
  name: string;
  query: string;
  updated_at: Date;
}): SavedViewDto => ({
  id: v.id,
  page: v.page,
  name: v.name,
  query: v.query,
  updated_at: v.updated_at.toISOString(),
});

/** Canonical form of a stored view, so junk in a hand-edited URL is never saved. */
export function canonicalQuery(query: string): string {
  return toAccountSearch(parseAccountQuery(new URLSearchParams(query.replace(/^\?/, ''))));
}

export async function listSavedViews(userId: string, page: string): Promise<SavedViewDto[]> {
  const r = await prisma.savedView.findMany({
    where: { user_id: userId, page },
    orderBy: { name: 'asc' },
  });
  return r.map(dto);
}

/** Saving under an existing name replaces that view (per user and page). */
export async function saveView(
  tx: Tx,
  audit: AuditFn,
  userId: string,
  input: TSavedViewCreate,
): Promise<SavedViewDto> {
  const query = canonicalQuery(input.query);
  const before = await tx.savedView.findUnique({
    where: { user_id_page_name: { user_id: userId, page: input.page, name: input.name } },
  });
  const row = before
    ? await tx.savedView.update({
        where: { id: before.id },
        data: { query, updated_at: new Date() },
      })
    : await tx.savedView.create({
        data: { id: randomUUID(), user_id: userId, page: input.page, name: input.name, query },
      });
  await audit({
    action: before ? 'saved_view.update' : 'saved_view.create',
    targetType: 'saved_view',
    targetId: row.id,
    before: before ? dto(before) : undefined,
    after: dto(row),
  });
  return dto(row);
}

/** Only the owner may delete a view; anyone else gets 404. */
export async function deleteView(
  tx: Tx,
  audit: AuditFn,
  userId: string,
  id: string,
): Promise<void> {
  const row = await tx.savedView.findFirst({ where: { id, user_id: userId } });
  if (!row) throw new NotFoundError('Saved view not found');
  await tx.savedView.delete({ where: { id } });
  await audit({
    action: 'saved_view.delete',
    targetType: 'saved_view',
    targetId: id,
    before: dto(row),
  });
}

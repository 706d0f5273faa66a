import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { AUDIT_ACTION_NAMES } from './actions';

// The page's GET form sends every field, empty ones as ''; an empty field means "any".
const blank = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const ZAuditFilter = z.object({
  // One action from the catalogue, matched exactly (the page offers the catalogue's labels).
  action: blank(z.enum(AUDIT_ACTION_NAMES)),
  actor: blank(z.string().trim().max(200)),
  target: blank(z.string().trim().max(200)),
  from: blank(z.string().date('must be a date (YYYY-MM-DD)')),
  to: blank(z.string().date('must be a date (YYYY-MM-DD)')),
  before: blank(z.coerce.bigint()),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

export type AuditEntry = Awaited<ReturnType<typeof listAudit>>['entries'][number];

/** Newest first, keyset-paginated on id. */
export async function listAudit(f: TAuditFilter) {
  const rows = await prisma.auditLog.findMany({
    where: {
      ...(f.action ? { action: f.action } : {}),
      ...(f.actor ? { actor_email: { contains: f.actor, mode: 'insensitive' } } : {}),
      ...(f.target ? { OR: [{ target_id: f.target }, { target_type: f.target }] } : {}),
      ...(f.from || f.to
        ? {
            at: {
              ...(f.from ? { gte: new Date(f.from) } : {}),
              ...(f.to ? { lt: new Date(new Date(f.to).getTime() + 86_400_000) } : {}),
            },
          }
        : {}),
      ...(f.before ? { id: { lt: f.before } } : {}),
    },
    orderBy: { id: 'desc' },
    take: f.limit + 1,
  });
  // BigInt columns (id, and seq: the chain position given at sealing) as strings for JSON.
  const entries = rows
    .slice(0, f.limit)
    .map((r) => ({ ...r, id: r.id.toString(), seq: r.seq === null ? null : r.seq.toString() }));
  return {
    entries,
    nextBefore: rows.length > f.limit ? (entries[entries.length - 1]?.id ?? null) : null,
  };
}

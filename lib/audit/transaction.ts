import 'server-only';
import { prisma, type Tx } from '@/lib/db/client';
import { prismaRunner } from './runners';
import { requestSeal } from './sealer';
import { writeAudit, type AuditActor, type AuditFn } from './write';

/**
 * A change and its audit rows in one Prisma transaction (what `ctx.change` runs), then a seal
 * pass after the commit. The response does not wait for the seal: the rows are committed and
 * their content hashed; the chain links them within milliseconds.
 */
export async function auditedTransaction<T>(
  actor: AuditActor,
  requestId: string | null,
  work: (tx: Tx, audit: AuditFn) => Promise<T>,
): Promise<T> {
  const result = await prisma.$transaction((tx) =>
    work(tx, async (entry) => {
      await writeAudit(prismaRunner(tx), { ...entry, actor, requestId });
    }),
  );
  void requestSeal();
  return result;
}

import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { prismaRunner } from '@/lib/audit/runners';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import type { Tx } from '@/lib/db/client';
import { toErrorResponse } from '@/lib/api/errors';
import { createUser } from '@/lib/users/users';

// Defect 8: two requests creating the same email both pass the "exists?" check; the loser's
// insert hits the unique key. That is a 409 for the client, not a 500.
const change = <T>(work: (tx: Tx, audit: AuditFn) => Promise<T>) =>
  prisma.$transaction(
    (tx) =>
      work(tx, (entry) =>
        writeAudit(prismaRunner(tx), { ...entry, actor: { id: null, email: 'test' } }).then(
          () => undefined,
        ),
      ),
    // Generous waits: on a loaded machine a transaction that cannot start in time is a 503,
    // which is right but not what this test is about.
    { maxWait: 30_000, timeout: 60_000 },
  );

describe('unique-key races', () => {
  it('answers the losing concurrent create with 409, never 500', async () => {
    const input = {
      email: 'race@example.test',
      name: 'Race',
      role: 'analyst' as const,
      password: 'long-enough-password-1',
    };
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => change((tx, audit) => createUser(tx, audit, input))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const statuses = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => toErrorResponse(r.reason, 't').status);
    expect(statuses.length).toBe(3);
    expect(new Set(statuses)).toEqual(new Set([409]));
    expect(await prisma.user.count({ where: { email: input.email } })).toBe(1);
  });
});

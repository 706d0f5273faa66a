import { describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { toErrorResponse } from './errors';

// Unique-key races and an unreachable database are answered 409 and 503, not 500 (defect 8, faults).
async function answer(e: unknown) {
  const res = toErrorResponse(e, 'req-1');
  return {
    status: res.status,
    body: (await res.json()) as { error: { code: string; message: string } },
    res,
  };
}

describe('database errors to HTTP', () => {
  it('maps Prisma P2002 to 409 naming the field', async () => {
    const e = new Prisma.PrismaClientKnownRequestError('Unique constraint failed', {
      code: 'P2002',
      clientVersion: '7',
      meta: { target: ['email'] },
    });
    const a = await answer(e);
    expect(a.status).toBe(409);
    expect(a.body.error.code).toBe('conflict');
    expect(a.body.error.message).toMatch(/email/);
  });

  it("maps the pg driver's 23505 (raw SQL) to 409", async () => {
    const e = Object.assign(new Error('duplicate key value violates unique constraint "q_name"'), {
      code: '23505',
      severity: 'ERROR',
      detail: 'Key (name)=(x) already exists.',
    });
    const a = await answer(e);
    expect(a.status).toBe(409);
    expect(a.body.error.message).toMatch(/name/);
  });

  it('maps a refused or cut connection to 503 with Retry-After', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
      errno: -111,
    });
    for (const e of [
      refused,
      new Error('Connection terminated unexpectedly'),
      Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      }),
      new Prisma.PrismaClientKnownRequestError('x', {
        code: 'P2010',
        clientVersion: '7',
        meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } },
      }),
    ]) {
      const a = await answer(e);
      expect(a.status).toBe(503);
      expect(a.body.error.message).toMatch(/database is unavailable/);
      expect(a.res.headers.get('retry-after')).toBe('5');
    }
  });

  it('leaves other errors a 500', async () => {
    expect((await answer(new Error('boom'))).status).toBe(500);
  });
});

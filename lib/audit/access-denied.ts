import 'server-only';
import type { SessionUser } from '@/lib/auth/permissions';
import { auditedTransaction } from './transaction';
import { denialGate } from './denial-limit';

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Records a refused request ('access.denied'): who asked which route for what their role may not
 * do. The 403 is answered even if the row cannot be written (the refusal is the security
 * boundary, the row is its record), and that failure is logged. The path is stored without its
 * query string, which may carry search terms. Rows are rate-limited per user (denial-limit.ts):
 * beyond the limit a refusal is counted, and the count is recorded with the next window's row.
 */
export async function recordAccessDenied(
  user: SessionUser,
  req: { method: string; nextUrl: { pathname: string } },
  permission: string,
  requestId: string,
): Promise<void> {
  const path = req.nextUrl.pathname.slice(0, 500);
  try {
    const note = await denialGate(`user:${user.id}`);
    if (!note) return;
    await auditedTransaction({ id: user.id, email: user.email }, requestId, (_tx, audit) =>
      audit({
        action: 'access.denied',
        targetType: 'route',
        targetId: path,
        after: { method: req.method as Method, path, permission, role: user.role, ...note },
      }),
    );
  } catch (e) {
    console.error(`access.denied for ${user.email} on ${path} not recorded:`, e);
  }
}

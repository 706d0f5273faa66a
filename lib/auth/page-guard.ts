import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { recordAccessDenied } from '@/lib/audit/access-denied';
import { requestIdOf } from '@/lib/api/request-id';
import { getCurrentUser } from './current-user';
import { PAGE_PATH_HEADER } from './page-path';
import { can, type Permission, type SessionUser } from './permissions';

/** Where a user whose password must be changed is held (issue #12). */
export const PASSWORD_PAGE = '/password';

/**
 * Server-side access check for pages. Not signed in → sign-in page; a password still to be
 * changed → the password page (every page but that one); signed in without the permission → 404
 * (we do not confirm that the page exists), recorded as 'access.denied' by the same writer the
 * API's 403s use, with the page's path and the user's role.
 */
export async function requirePage(
  permission: Permission,
  opts: { passwordPage?: true } = {},
): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword && !opts.passwordPage) redirect(PASSWORD_PAGE);
  if (!can(user, permission)) {
    const h = await headers();
    const pathname = h.get(PAGE_PATH_HEADER) || '(unknown page)';
    await recordAccessDenied(
      user,
      { method: 'GET', nextUrl: { pathname } },
      permission,
      requestIdOf(h),
    );
    notFound();
  }
  return user;
}

import { notFound, redirect } from 'next/navigation';
import { getCurrentUser } from './current-user';
import { can, type Permission, type SessionUser } from './permissions';

/** Where a user whose password must be changed is held (issue #12). */
export const PASSWORD_PAGE = '/password';

/**
 * Server-side access check for pages. Not signed in → sign-in page; a password still to be
 * changed → the password page (every page but that one); signed in without the permission → 404
 * (we do not confirm that the page exists).
 */
export async function requirePage(
  permission: Permission,
  opts: { passwordPage?: true } = {},
): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword && !opts.passwordPage) redirect(PASSWORD_PAGE);
  if (!can(user, permission)) notFound();
  return user;
}

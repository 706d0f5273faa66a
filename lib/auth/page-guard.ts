import { notFound, redirect } from 'next/navigation';
import { getCurrentUser } from './current-user';
import { can, type Permission, type SessionUser } from './permissions';

/**
 * Server-side access check for pages. Not signed in → sign-in page; signed in without the
 * permission → 404 (we do not confirm that the page exists).
 */
export async function requirePage(permission: Permission): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (!can(user, permission)) notFound();
  return user;
}

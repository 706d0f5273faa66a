import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { PASSWORD_PAGE } from '@/lib/auth/page-guard';
import { NAV } from '@/components/layout/nav';
import { Sidebar } from '@/components/layout/sidebar';
import { UserMenu } from '@/components/layout/user-menu';
import { InboxLink } from '@/components/inbox/inbox-link';
import { unreadCount } from '@/lib/queries/inbox';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword) redirect(PASSWORD_PAGE);
  return (
    <div className="flex min-h-screen">
      <Sidebar items={NAV.filter((n) => can(user, n.permission))} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 items-center justify-end gap-4 border-b border-slate-200 bg-white px-6">
          <InboxLink initialUnread={await unreadCount(user)} />
          <UserMenu name={user.name} email={user.email} role={user.role} />
        </header>
        <main className="min-w-0 flex-1 p-6">{children}</main>
      </div>
    </div>
  );
}

import { requirePage } from '@/lib/auth/page-guard';
import { PageHeader } from '@/components/ui/page-header';
import { UsersAdmin } from '@/components/admin/users-admin';

export default async function AdminUsersPage() {
  const me = await requirePage('users:manage');
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, and with which role. Every change is audited."
      />
      <UsersAdmin currentUserId={me.id} />
    </>
  );
}

import Link from 'next/link';
import { requirePage } from '@/lib/auth/page-guard';
import { PageHeader } from '@/components/ui/page-header';

const SECTIONS = [
  { href: '/admin/users', title: 'Users', text: 'Create users, change roles, disable accounts.' },
];

export default async function AdminPage() {
  await requirePage('settings:manage');
  return (
    <>
      <PageHeader
        title="Admin"
        description="Users, queues, ToS clauses, detection thresholds, retention and holds."
      />
      <ul className="grid grid-cols-3 gap-4">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-slate-400"
            >
              <div className="font-medium">{s.title}</div>
              <div className="text-slate-500">{s.text}</div>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

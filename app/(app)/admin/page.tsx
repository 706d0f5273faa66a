import Link from 'next/link';
import { requirePage } from '@/lib/auth/page-guard';
import { PageHeader } from '@/components/ui/page-header';

// Only screens that exist are listed. Detection thresholds are managed through the admin API for
// now; the note below says so rather than linking to a screen that is not there.
const SECTIONS = [
  { href: '/admin/users', title: 'Users', text: 'Create users, change roles, disable accounts.' },
  {
    href: '/admin/case-templates',
    title: 'Case templates',
    text: 'Case types with a default severity and the tasks they pre-fill.',
  },
  {
    href: '/admin/queues',
    title: 'Queues',
    text: 'Review queues: filters, SLA, members, priority.',
  },
  {
    href: '/admin/clauses',
    title: 'ToS clauses',
    text: 'Terms of Service clauses and their versions, linked from case findings.',
  },
  {
    href: '/admin/tokens',
    title: 'Ingest tokens',
    text: 'Tokens machines use to send events and accounts: scope, expiry, revoke.',
  },
  {
    href: '/admin/retention',
    title: 'Retention and holds',
    text: 'How long raw events are kept; the legal holds a purge respects.',
  },
];

export default async function AdminPage() {
  await requirePage('settings:manage');
  return (
    <>
      <PageHeader title="Admin" description="Who can sign in, and with which role." />
      <ul className="grid grid-cols-3 gap-4">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-slate-400"
            >
              <div className="font-medium">{s.title}</div>
              <div className="text-slate-600">{s.text}</div>
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-6 max-w-2xl text-slate-600">
        Detection thresholds have no screen yet: admins manage them through the API,{' '}
        <code>/api/v1/admin/settings/detection</code> (see docs/detection.md).
      </p>
    </>
  );
}

import { requirePage } from '@/lib/auth/page-guard';
import { PasswordForm } from '@/components/auth/password-form';

// Outside the (app) layout on purpose: a user whose password must be changed is held here, and
// this page is the only one requirePage lets them see (issue #12).
export default async function PasswordPage() {
  const user = await requirePage('self:view', { passwordPage: true });
  return (
    <main className="flex min-h-screen items-center justify-center">
      <div className="w-96 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Change your password</h1>
        <p className="mb-6 text-slate-600">
          {user.mustChangePassword
            ? 'Your password was set by someone else. Choose your own before you continue.'
            : 'Every other session of yours ends when you change it.'}
        </p>
        <PasswordForm email={user.email} />
      </div>
    </main>
  );
}

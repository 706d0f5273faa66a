import { notFound } from 'next/navigation';
import { requirePage } from '@/lib/auth/page-guard';
import { can } from '@/lib/auth/permissions';
import { NotFoundError } from '@/lib/errors';
import { caseFileMaxBytes } from '@/lib/cases/files';
import { getCase } from '@/lib/queries/case';
import { getCaseActivity } from '@/lib/queries/case-activity';
import { listCaseUsers } from '@/lib/queries/user-refs';
import { CaseWorkspace } from '@/components/cases/case-workspace';

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage('cases:view');
  const { id } = await params;
  // A restricted case the user may not open is answered like an unknown id.
  const c = await getCase(user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [activity, users] = await Promise.all([getCaseActivity(c.id), listCaseUsers()]);
  return (
    <CaseWorkspace
      initial={{ case: c, activity }}
      users={users}
      canWrite={can(user, 'cases:write')}
      canExport={can(user, 'evidence:export')}
      maxFileBytes={caseFileMaxBytes()}
      viewerId={user.id}
      canComment={can(user, 'cases:comment')}
      canLegal={can(user, 'cases:legal')}
    />
  );
}

import { requirePage } from '@/lib/auth/page-guard';
import { listCaseTemplates } from '@/lib/cases/templates';
import { PageHeader } from '@/components/ui/page-header';
import { TemplatesAdmin } from '@/components/cases/templates-admin';

export default async function CaseTemplatesPage() {
  await requirePage('cases:manage');
  return (
    <>
      <PageHeader
        title="Case templates"
        description="A case opened with a type gets its default severity and its task checklist."
      />
      <TemplatesAdmin initial={await listCaseTemplates()} />
    </>
  );
}

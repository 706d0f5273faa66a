import type { Tx } from '@/lib/db/client';
import { prisma } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import { NotFoundError } from '@/lib/errors';
import type { TCaseTemplate } from '@/lib/schemas/case';

export interface CaseTemplateDto extends TCaseTemplate {
  updated_at: string;
}

export async function listCaseTemplates(): Promise<CaseTemplateDto[]> {
  const rows = await prisma.caseTemplate.findMany({ orderBy: { name: 'asc' } });
  return rows.map((t) => ({
    case_type: t.case_type,
    name: t.name,
    description: t.description,
    severity: t.severity as TCaseTemplate['severity'],
    tasks: t.tasks,
    updated_at: t.updated_at.toISOString(),
  }));
}

/** Admins keep templates: a case type's default severity and its pre-filled task checklist. */
export async function saveCaseTemplate(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  input: TCaseTemplate,
): Promise<void> {
  const before = await tx.caseTemplate.findUnique({ where: { case_type: input.case_type } });
  const data = { ...input, updated_by: user.id, updated_at: new Date() };
  await tx.caseTemplate.upsert({
    where: { case_type: input.case_type },
    create: data,
    update: data,
  });
  await audit({
    action: 'case_template.upsert',
    targetType: 'case_template',
    targetId: input.case_type,
    before: before ? { name: before.name, severity: before.severity, tasks: before.tasks } : null,
    after: { name: input.name, severity: input.severity, tasks: input.tasks },
  });
}

export async function deleteCaseTemplate(tx: Tx, audit: AuditFn, caseType: string): Promise<void> {
  const before = await tx.caseTemplate.findUnique({ where: { case_type: caseType } });
  if (!before) throw new NotFoundError('Template not found');
  await tx.caseTemplate.delete({ where: { case_type: caseType } });
  await audit({
    action: 'case_template.delete',
    targetType: 'case_template',
    targetId: caseType,
    before: { name: before.name, severity: before.severity, tasks: before.tasks },
  });
}

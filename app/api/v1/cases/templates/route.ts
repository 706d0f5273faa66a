import { withRoute } from '@/lib/api/route';
import { listCaseTemplates, saveCaseTemplate } from '@/lib/cases/templates';
import { ZCaseTemplate } from '@/lib/schemas/case';

export const GET = withRoute({ permission: 'cases:view' }, async () => ({
  templates: await listCaseTemplates(),
}));

export const PUT = withRoute(
  { permission: 'cases:manage', body: ZCaseTemplate },
  async ({ body, user, change }) => {
    await change((tx, audit) => saveCaseTemplate(tx, audit, user, body));
    return { ok: true };
  },
);

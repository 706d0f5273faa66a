import { withRoute } from '@/lib/api/route';
import { createAnnotation, listAnnotations } from '@/lib/annotations/annotations';
import { ZAnnotationCreate, ZAnnotationListQuery } from '@/lib/schemas/annotation';

export const GET = withRoute(
  { permission: 'accounts:view', query: ZAnnotationListQuery },
  async ({ query }) => ({
    annotations: await listAnnotations(query.account, query.events),
  }),
);

export const POST = withRoute(
  { permission: 'annotations:write', body: ZAnnotationCreate },
  async ({ body, user, change }) => ({
    annotation: await change((tx, audit) => createAnnotation(tx, audit, user, body)),
  }),
);

import { withRoute } from '@/lib/api/route';
import { deleteAnnotation } from '@/lib/annotations/annotations';
import { ZAnnotationId } from '@/lib/schemas/annotation';

export const DELETE = withRoute(
  { permission: 'annotations:write', params: ZAnnotationId },
  async ({ params, user, change }) => {
    await change((tx, audit) => deleteAnnotation(tx, audit, user, BigInt(params.id)));
    return { ok: true };
  },
);

import { withRoute } from '@/lib/api/route';
import { deleteAnnotation, updateAnnotation } from '@/lib/annotations/edit';
import { ZAnnotationId, ZAnnotationUpdate } from '@/lib/schemas/annotation';

export const PATCH = withRoute(
  { permission: 'annotations:write', params: ZAnnotationId, body: ZAnnotationUpdate },
  async ({ params, body, user, change }) => ({
    annotation: await change((tx, audit) =>
      updateAnnotation(tx, audit, user, BigInt(params.id), body.value),
    ),
  }),
);

export const DELETE = withRoute(
  { permission: 'annotations:write', params: ZAnnotationId },
  async ({ params, user, change }) => {
    await change((tx, audit) => deleteAnnotation(tx, audit, user, BigInt(params.id)));
    return { ok: true };
  },
);

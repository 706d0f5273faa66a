import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { readCaseFile, removeCaseFile } from '@/lib/cases/files';
import { getCase } from '@/lib/queries/case';

const ZFileParams = z.object({
  id: z.string().uuid('must be a case id'),
  childId: z.string().uuid('must be a file id'),
});

/** Download: always as an attachment with a safe type, so an uploaded file never runs here. */
export const GET = withRoute(
  { permission: 'cases:view', params: ZFileParams },
  async ({ params, user }) => {
    await getCase(user, params.id); // visibility: 404 for a restricted case
    const f = await readCaseFile(params.id, params.childId);
    return new Response(new Uint8Array(f.bytes), {
      headers: {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
        'x-content-type-options': 'nosniff',
        'x-sha256': f.sha256,
      },
    });
  },
);

export const DELETE = withRoute(
  { permission: 'cases:write', params: ZFileParams },
  async ({ params, user, change }) => {
    await change((tx, audit) => removeCaseFile(tx, audit, user, params.id, params.childId));
    return { ok: true };
  },
);

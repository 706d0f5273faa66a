import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { recordDownload } from '@/lib/evidence/jobs/download';

/** GET: the finished package (zip). The custody/audit row commits before the first byte. */
export const GET = withRoute(
  { permission: 'evidence:export', params: z.object({ id: z.string() }) },
  async ({ params, user, change }) => {
    const file = await change((tx, audit) => recordDownload(tx, audit, user, params.id));
    const body = Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        'content-type': 'application/zip',
        'content-length': String(file.bytes),
        'content-disposition': `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"`,
        'x-content-sha256': file.sha256,
        'cache-control': 'no-store',
      },
    });
  },
);

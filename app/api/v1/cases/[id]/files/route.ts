import { withRoute } from '@/lib/api/route';
import { caseFileMaxBytes, checkUpload, uploadCaseFile } from '@/lib/cases/files';
import { ValidationError } from '@/lib/errors';
import { ZCaseId } from '@/lib/schemas/case';

// Multipart upload, field "file". The declared length is checked before the body is read, so an
// oversized upload is refused (413) without buffering it; the stored size is checked again.
export const POST = withRoute(
  { permission: 'cases:write', params: ZCaseId },
  async ({ req, params, user, change }) => {
    const max = caseFileMaxBytes();
    const declared = Number(req.headers.get('content-length') ?? 0);
    // multipart framing adds a few hundred bytes around the file itself
    if (declared > max + 64 * 1024)
      checkUpload({ filename: 'The file', contentType: '', size: declared }, max);
    const form = await req.formData().catch(() => {
      throw new ValidationError('Expected a multipart form with a "file" field', 'file');
    });
    const file = form.get('file');
    if (!(file instanceof File)) throw new ValidationError('Choose a file to upload', 'file');
    checkUpload({ filename: file.name, contentType: file.type, size: file.size }, max);
    const bytes = Buffer.from(await file.arrayBuffer());
    return {
      file: await change((tx, audit) =>
        uploadCaseFile(tx, audit, user, params.id, {
          filename: file.name,
          contentType: file.type,
          bytes,
        }),
      ),
    };
  },
);

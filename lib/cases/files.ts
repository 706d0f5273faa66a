import { createHash } from 'node:crypto';
import type { Tx } from '@/lib/db/client';
import { prisma } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { NotFoundError, TooLargeError, ValidationError } from '@/lib/errors';
import { CASE_FILE_TYPES } from '@/lib/schemas/case';
import { lockCase, touchCase } from './lock';

export interface UploadInput {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export function caseFileMaxBytes(): number {
  return env().CASE_FILE_MAX_BYTES;
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MiB`;

/** Refuses a file over the limit (413) or of a type not on the allow-list (400), by name. */
export function checkUpload(f: Omit<UploadInput, 'bytes'> & { size: number }, max: number): void {
  if (f.size > max)
    throw new TooLargeError(
      `${f.filename} is ${mib(f.size)}; files on a case may be at most ${mib(max)} (CASE_FILE_MAX_BYTES)`,
      'file',
    );
  const type = f.contentType.split(';')[0]!.trim().toLowerCase();
  if (!(CASE_FILE_TYPES as readonly string[]).includes(type))
    throw new ValidationError(
      `${f.filename}: type ${type || 'unknown'} is not allowed (allowed: ${CASE_FILE_TYPES.join(', ')})`,
      'file',
    );
  if (f.size === 0) throw new ValidationError(`${f.filename} is empty`, 'file');
}

/** Stores an uploaded file's bytes with their SHA-256 (the evidence package re-checks it). */
export async function uploadCaseFile(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  f: UploadInput,
  max = caseFileMaxBytes(),
): Promise<{ id: string; sha256: string; size_bytes: number }> {
  const c = await lockCase(tx, user, caseId);
  checkUpload({ ...f, size: f.bytes.length }, max);
  const filename = f.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'file';
  const sha256 = createHash('sha256').update(f.bytes).digest('hex');
  const row = await tx.caseFile.create({
    data: {
      case_id: c.id,
      filename,
      content_type: f.contentType.split(';')[0]!.trim().toLowerCase(),
      size_bytes: f.bytes.length,
      sha256,
      bytes: new Uint8Array(f.bytes),
      uploaded_by: user.id,
    },
    select: { id: true },
  });
  await touchCase(tx, c);
  await audit({
    action: 'case.file_upload',
    targetType: 'case',
    targetId: c.id,
    after: { file_id: row.id, filename, sha256, size_bytes: f.bytes.length },
  });
  return { id: row.id, sha256, size_bytes: f.bytes.length };
}

export async function removeCaseFile(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  fileId: string,
): Promise<void> {
  const c = await lockCase(tx, user, caseId);
  const f = await tx.caseFile.findFirst({ where: { id: fileId, case_id: c.id, removed_at: null } });
  if (!f) throw new NotFoundError('File not found');
  await tx.caseFile.update({ where: { id: f.id }, data: { removed_at: new Date() } });
  await touchCase(tx, c);
  await audit({
    action: 'case.file_remove',
    targetType: 'case',
    targetId: c.id,
    before: { file_id: f.id, filename: f.filename, sha256: f.sha256 },
  });
}

/** The stored bytes of one file of a case the caller may see (the caller checks visibility). */
export async function readCaseFile(caseId: string, fileId: string) {
  const f = await prisma.caseFile.findFirst({
    where: { id: fileId, case_id: caseId, removed_at: null },
    omit: { bytes: false },
  });
  if (!f) throw new NotFoundError('File not found');
  return f;
}
